//! Planning one user's reset: list what is enrolled, decide the call and
//! what it removes, and warn where the list or the call leaves something.

use std::sync::atomic::Ordering;

use super::job::{ResetMfa, UserPlan};
use super::pick::{cascade, describe, is_phone, pick};
use crate::error::{Error, Result};
use crate::gate::{Gate, Outcome, Planned};
use crate::okta::changes::Call;
use crate::okta::factors::{org_lacks_it, Enrolled, Listing, Source, MAX_LISTED};
use crate::okta::models::User;
use crate::perms::{needs_role, HELP_DESK};

impl ResetMfa {
    /// The change for one user (`None`: nothing enrolled to remove).
    pub(super) fn plan_user(
        &self,
        gate: &Gate<'_>,
        user: &User,
        single: bool,
    ) -> Result<Option<Planned>> {
        let (client, out, login) = (gate.client, &gate.ctx.out, user.login());
        if user.status == "DEPROVISIONED" {
            return Err(Error::failed(format!(
                "cannot reset the factors of {login}: the user is deactivated (DEPROVISIONED); nothing was sent"
            ))
            .hint("a deactivated user's factors cannot be removed; reactivate the user first if needed"));
        }
        let listed = |e: Error| {
            needs_role(
                e.context(format!("listing the factors of {login}")),
                HELP_DESK,
            )
        };
        let try_enrollments = !self.no_enrollments.load(Ordering::SeqCst);
        let before = client
            .mfa_listing(&user.id, try_enrollments)
            .map_err(listed)?;
        if before.fallback.as_ref().is_some_and(org_lacks_it) {
            self.no_enrollments.store(true, Ordering::SeqCst);
        }
        let (call, removes) = match &self.factor {
            None => (Call::reset_factors(&user.id), before.items.clone()),
            Some(which) => {
                // The DELETE takes a factor id: pick from the Factors API
                // (whether enrolment ids are factor ids is UNCONFIRMED).
                let factors = match before.source {
                    Source::Factors => before.items.clone(),
                    Source::Enrollments => {
                        let list = client.factors(&user.id).map_err(listed)?;
                        list.iter().map(Enrolled::from).collect()
                    }
                };
                if factors.is_empty() && before.items.is_empty() {
                    return Ok(self.nothing(user, before));
                }
                let f = pick(&factors, which, login)?.clone();
                let phone = is_phone(&f);
                if self.remove_recovery_phone && !phone {
                    return Err(Error::usage(format!(
                        "--remove-recovery-phone applies to sms and call factors, not to {} ({}); nothing was sent",
                        f.kind, f.id
                    )));
                }
                let mut removes = vec![f.clone()];
                let others = cascade(&f, &factors);
                if single && phone && !self.remove_recovery_phone {
                    out.warn(&format!(
                        "the phone number of {} ({}) stays a recovery method of {login} (password reset, unlock); --remove-recovery-phone removes it too",
                        f.kind, f.id
                    ));
                }
                if single && !others.is_empty() {
                    out.warn(&format!(
                        "removing {} also removes the user's other TOTP, signed_nonce and Okta Verify push factors: {} (Okta does not document whether TOTP of other providers, such as Google Authenticator, goes too; counted as going)",
                        f.kind,
                        describe(others.iter())
                    ));
                }
                removes.extend(others);
                let call =
                    Call::delete_factor(&user.id, &f.id, phone && self.remove_recovery_phone);
                (call, removes)
            }
        };
        if removes.is_empty() {
            return Ok(self.nothing(user, before));
        }
        if single && self.factor.is_none() {
            // reset_factors has no removeRecoveryEnrollment: whether it
            // leaves the number as a recovery method is UNCONFIRMED.
            if let Some(p) = removes.iter().find(|f| is_phone(f)) {
                // An enrolment's key is no factor type: name the usual one.
                let which = if p.kind == "phone_number" {
                    "sms"
                } else {
                    &p.kind
                };
                out.warn(&format!(
                    "resetting every factor has no option for the recovery phone: whether the number of {} ({}) stays a recovery method is not documented; to be sure it goes, first run `oktactl reset-mfa {login} --factor {which} --remove-recovery-phone`",
                    p.kind, p.id
                ));
            }
        }
        self.warn_incomplete(gate, &before, single);
        self.keep(user, before, removes.clone());
        Ok(Some(Planned {
            call,
            user_id: user.id.clone(),
            user: login.to_string(),
            group: None,
            done: Outcome::Reset,
            would: Outcome::WouldReset,
            noop: None,
        }))
    }

    /// Nothing enrolled: no change (the listing is kept for the output).
    fn nothing(&self, user: &User, before: Listing) -> Option<Planned> {
        self.keep(user, before, Vec::new());
        None
    }

    fn keep(&self, user: &User, before: Listing, removes: Vec<Enrolled>) {
        if let Ok(mut plans) = self.plans.lock() {
            plans.insert(user.id.clone(), UserPlan { before, removes });
        }
    }

    /// Say when the list may not show everything (once in a bulk run).
    fn warn_incomplete(&self, gate: &Gate<'_>, l: &Listing, single: bool) {
        if l.complete() || (!single && self.warned.swap(true, Ordering::SeqCst)) {
            return;
        }
        let out = &gate.ctx.out;
        if l.truncated {
            out.warn(&format!("more than {MAX_LISTED} enrolments: only the first {MAX_LISTED} are listed and checked"));
        }
        if l.source == Source::Factors {
            let why = match &l.fallback {
                Some(e) => format!(
                    "the authenticator enrolments list was not available (Okta answered {}{})",
                    e.status().map_or("an error".to_string(), |s| s.to_string()),
                    e.error_code().map(|c| format!(" {c}")).unwrap_or_default()
                ),
                None => "this org has no authenticator enrolments list".to_string(),
            };
            let also = match self.factor {
                None => ", and a reset of every factor may remove them too",
                Some(_) => "",
            };
            out.warn(&format!(
                "{why}: listed from the Factors API, which shows only the factors the user's enrollment policy allows, as evaluated for where you are; the user may have more enrolments than listed{also}"
            ));
        }
    }
}
