//! A verification in the audit log (`command` `verify`): the intent line
//! before the first request that reaches the user (the challenge, or a TOTP
//! code checked), the outcome line at the end with the result and, in
//! `detail`, the method, factor and transaction; never a code. And the cap
//! on challenges (push bombing), a built-in rule of the policy: at most
//! `CAP` per user per `CAP_WINDOW_MINUTES`, counted from the intent lines of
//! every operator who writes to this log, refused (`verify.rate`, exit 8)
//! before anything is sent.

use jiff::{SignedDuration, Timestamp};

use super::Verification;
use crate::audit::{self, Audit, Decision, PolicyMark, Run, Said, Subject};
use crate::config;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::gate::refusal;
use crate::okta::models::User;
use crate::okta::Client;
use crate::policy::verified::Verifications;
use crate::policy::{Finding, BUILTIN};

/// Challenges per user within the window, at most.
pub const CAP: usize = 3;
pub const CAP_WINDOW_MINUTES: i64 = 10;
/// The rule a challenge over the cap is refused by.
const RULE: &str = "verify.rate";

pub(super) struct Record<'a> {
    ctx: &'a Context,
    /// `None` under `--dry-run`.
    audit: Option<Audit>,
    org: String,
    user_id: String,
    user: String,
    /// The verify call, `POST /api/v1/users/{uid}/factors/{fid}/verify`.
    pub call: String,
    change_id: Option<String>,
    /// Told the push's number (`Asker::on_number`).
    pub on_number: Option<&'a (dyn Fn(u32) + Sync)>,
}

impl<'a> Record<'a> {
    /// Open the audit log (not under `--dry-run`), before anything is sent.
    pub fn open(
        ctx: &'a Context,
        client: &Client,
        user: &User,
        call: &str,
        asker: &super::Asker<'a>,
    ) -> Result<Record<'a>> {
        let org = config::origin_text(client.origin());
        let audit = match ctx.change().dry_run {
            true => None,
            false => Some(Audit::open_checked(Run {
                org: org.clone(),
                profile: ctx.profile().to_string(),
                command: "verify".into(),
                ticket: asker.ticket.clone().filter(|t| !t.trim().is_empty()),
                channel: asker.channel.clone(),
            })?),
        };
        Ok(Record {
            ctx,
            audit,
            org,
            user_id: user.id.clone(),
            user: user.login().to_string(),
            call: call.to_string(),
            change_id: None,
            on_number: asker.on_number,
        })
    }

    fn subject(&self) -> Subject<'_> {
        Subject {
            user_id: Some(&self.user_id),
            user: Some(&self.user),
            group: None,
        }
    }

    /// The cap: `Err` (exit 8) when `CAP` challenges went to the user within
    /// the window; the refusal is written to the audit log (not under
    /// `--dry-run`, which says so instead).
    pub fn cap(&self) -> Result<()> {
        let window = SignedDuration::from_mins(CAP_WINDOW_MINUTES);
        let now = Timestamp::now();
        let since = now.checked_sub(window).unwrap_or(Timestamp::MIN);
        let sent =
            Verifications::read(&audit::path()?, &self.org, since)?.challenges(&self.user_id);
        let (Some(first), Some(last), true) = (sent.first(), sent.last(), sent.len() >= CAP) else {
            return Ok(());
        };
        let whole = |t: Timestamp| Timestamp::from_second(t.as_second()).unwrap_or(t);
        let again = first.checked_add(window).map(whole).unwrap_or(now);
        let f = Finding {
            rule: RULE.into(),
            reason: format!(
                "{} challenges were sent to {} in the last {CAP_WINDOW_MINUTES} minutes (the last at {}); at most {CAP} per user per {CAP_WINDOW_MINUTES} minutes, against push bombing",
                sent.len(),
                self.user,
                whole(*last)
            ),
            hints: vec![
                format!("the next challenge is allowed after {again}"),
                "an employee who gets pushes they did not ask for is being attacked: verify this caller another way (call back the number in the directory)".into(),
            ],
        };
        let e = refusal(&f);
        let mark = PolicyMark {
            decision: Decision::Refuse,
            rule: Some(f.rule.clone()),
            reason: Some(f.reason.clone()),
            file: BUILTIN.into(),
        };
        match &self.audit {
            None => self.ctx.out.status(&format!(
                "dry run: refused by policy ({RULE}): {}; would not send {}",
                f.reason, self.call
            )),
            Some(a) => {
                let id = audit::new_change_id();
                if let Err(ae) = a.refused(&id, self.subject(), Some(&self.call), &e.short(), &mark)
                {
                    return Err(e.hint(format!(
                        "the refusal could not be written to the audit log: {}",
                        ae.message
                    )));
                }
            }
        }
        Err(e)
    }

    /// The intent line, before the first request: when it cannot be
    /// written, nothing is sent.
    pub fn intent(&mut self) -> Result<()> {
        let Some(a) = &self.audit else {
            return Ok(());
        };
        let id = audit::new_change_id();
        a.intent(&id, self.subject(), &self.call, None)
            .map_err(|e| {
                e.context(
                    "nothing was sent, because the verification's intent line was not written",
                )
            })?;
        self.change_id = Some(id);
        Ok(())
    }

    /// The outcome line of a verification whose intent was written.
    pub fn outcome(&self, v: &mut Verification) -> Result<()> {
        let (Some(a), Some(id)) = (&self.audit, &self.change_id) else {
            return Ok(());
        };
        v.change_id = Some(id.clone());
        let detail = v.detail();
        let said = Said {
            outcome: v.result.as_str(),
            request_id: v.request_id.as_deref(),
            error: v.error.as_deref(),
            detail: Some(&detail),
        };
        a.outcome(id, self.subject(), said, None)
            .map_err(|e: Error| {
                e.context(format!(
                    "{} was {}, but the verification's outcome line",
                    self.user, v.result
                ))
            })
    }
}
