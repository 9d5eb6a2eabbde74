//! The reset-mfa job: plan each user (`plan.rs`), and after the change
//! list again to record what actually went.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::Mutex;

use super::pick::{describe, is_email, After};
use crate::gate::{Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::factors::{Enrolled, Listing};
use crate::okta::models::User;
use crate::perms::{needs_role, HELP_DESK};

/// One user's plan: what was listed before, and what the change removes.
#[derive(Debug, Clone)]
pub struct UserPlan {
    pub before: Listing,
    pub removes: Vec<Enrolled>,
}

pub struct ResetMfa {
    pub factor: Option<String>,
    pub remove_recovery_phone: bool,
    /// `--clear-sessions`: the sessions follow (said in the question).
    pub clear_sessions: bool,
    /// The org answered that it has no enrolments list: later rows skip it.
    pub(super) no_enrollments: AtomicBool,
    /// A bulk run has said once that its lists may be incomplete.
    pub(super) warned: AtomicBool,
    pub(super) plans: Mutex<HashMap<String, UserPlan>>,
    /// What the second listing showed, or why it failed.
    after: Mutex<HashMap<String, std::result::Result<After, String>>>,
}

impl ResetMfa {
    pub fn new(
        factor: Option<String>,
        remove_recovery_phone: bool,
        clear_sessions: bool,
    ) -> ResetMfa {
        ResetMfa {
            factor,
            remove_recovery_phone,
            clear_sessions,
            no_enrollments: AtomicBool::new(false),
            warned: AtomicBool::new(false),
            plans: Mutex::new(HashMap::new()),
            after: Mutex::new(HashMap::new()),
        }
    }

    pub fn plan_of(&self, user_id: &str) -> Option<UserPlan> {
        self.plans.lock().ok()?.get(user_id).cloned()
    }

    pub fn after_of(&self, user_id: &str) -> Option<std::result::Result<After, String>> {
        self.after.lock().ok()?.get(user_id).cloned()
    }
}

impl Job for ResetMfa {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        let user = match gate.resolve(t, single, |e| needs_role(e, HELP_DESK)) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        let outcome = match self.plan_user(gate, &user, single) {
            Ok(Some(p)) => return Step::Change(Box::new(p), Box::new(user)),
            Ok(None) => {
                if single {
                    gate.ctx.out.status(&format!(
                        "{} has no MFA factors enrolled: nothing to reset",
                        user.login()
                    ));
                }
                Row::new(t.row, &t.input, Outcome::NoFactors)
            }
            Err(e) => Row::failed(t.row, &t.input, Outcome::Failed, e),
        };
        let mut row = outcome;
        row.user = user.login().to_string();
        row.user_id = Some(user.id);
        Step::Done(Box::new(row))
    }

    fn read_back(&self, gate: &Gate<'_>, p: &Planned) -> Option<String> {
        let before = self.plan_of(&p.user_id)?.before;
        let source = before.source.as_str();
        let (detail, kept) = match gate.client.list_enrolled(&p.user_id, before.source) {
            Ok(now) => {
                let after = After::new(&before.items, now.items);
                (after.detail(source), Ok(after))
            }
            Err(e) => {
                let why = e.short();
                (
                    format!("listing again from {source} failed: {why}"),
                    Err(why),
                )
            }
        };
        if let Ok(mut m) = self.after.lock() {
            m.insert(p.user_id.clone(), kept);
        }
        Some(detail)
    }

    fn done(&self, gate: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let mut row = Row::applied(t.row, &t.input, p, a);
        let failed = row.explain(|e| {
            needs_role(
                e.context(format!("resetting the factors of {}", p.user)),
                HELP_DESK,
            )
        });
        if failed || !single || row.result != Outcome::Reset {
            return row;
        }
        let out = &gate.ctx.out;
        let expected = self
            .plan_of(&p.user_id)
            .map(|u| u.removes)
            .unwrap_or_default();
        match self.after_of(&p.user_id) {
            Some(Ok(after)) => {
                out.status(&format!(
                    "removed from {}: {}; they enrol again at their next sign-in",
                    p.user,
                    describe(after.removed.iter())
                ));
                let stuck = after.still_there(&expected);
                if !stuck.is_empty() {
                    out.warn(&format!(
                        "still listed after the reset: {}",
                        describe(stuck.into_iter())
                    ));
                }
                if !after.remaining.is_empty() {
                    out.status(&format!("still enrolled: {}", describe(after.remaining.iter())));
                }
            }
            Some(Err(why)) => out.warn(&format!(
                "the factors were reset, but listing them again failed ({why}): check with `oktactl user show {} --factors`",
                p.user
            )),
            None => {}
        }
        row
    }

    fn question(&self, user: Option<&User>) -> Option<String> {
        let sessions = match self.clear_sessions {
            true => ", and end their sessions",
            false => "",
        };
        Some(match user {
            Some(u) => format!(
                "Remove the MFA factors listed above from {} ({}){sessions}?",
                u.name(),
                u.login()
            ),
            None => format!("Remove every MFA factor of {{n}} users{sessions}"),
        })
    }

    fn details(&self) -> Vec<String> {
        let plan = self
            .plans
            .lock()
            .ok()
            .and_then(|p| p.values().find(|u| !u.removes.is_empty()).cloned());
        let Some(plan) = plan else {
            return Vec::new();
        };
        let mut lines = vec!["  factors to remove:".to_string()];
        lines.extend(plan.removes.iter().map(|f| {
            let may_stay = match is_email(f) {
                true => "  (may stay: Okta does not document whether a reset removes it)",
                false => "",
            };
            format!("    {}  {}  {}{may_stay}", f.kind, f.provider, f.id)
        }));
        if !plan.before.complete() {
            lines.push("  (the list may be incomplete: see the warning above)".into());
        }
        lines
    }

    fn what(&self, rows: usize) -> String {
        match rows {
            1 => "resetting MFA factors".into(),
            n => format!("resetting the MFA factors of {n} users"),
        }
    }
}
