//! `oktactl tac USER`: find the org's TAC authenticator, then issue the
//! code through the change gate and print it once, alone on stdout.

use std::sync::Mutex;

use serde::Deserialize;

use super::print::print_code;
use super::{feature, ttl_text};
use crate::context::Context;
use crate::error::{clean, Error, Kind, Result};
use crate::gate::report::finish;
use crate::gate::run::{run as run_rows, Pace};
use crate::gate::targets::one_target;
use crate::gate::{Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::models::User;

pub struct Settings {
    pub ttl_minutes: u32,
    pub multi_use: bool,
    pub authenticator_id: Option<String>,
}

/// Okta's answer: the enrolment, and the code (only in this answer).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Enrollment {
    pub id: String,
    pub profile: Profile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct Profile {
    pub tac: Option<String>,
    pub multi_use: Option<bool>,
    pub expires_at: Option<String>,
}

struct Issue {
    s: Settings,
    /// What Okta answered for the one user.
    issued: Mutex<Option<Enrollment>>,
}

/// The statuses a code cannot help: the user cannot sign in at all.
fn cannot_sign_in(user: &User) -> Option<Error> {
    let why = match user.status.as_str() {
        "DEPROVISIONED" => "is deactivated (DEPROVISIONED)",
        "SUSPENDED" => "is SUSPENDED (`oktactl unsuspend` first, if they should get in)",
        _ => return None,
    };
    Some(Error::failed(format!(
        "no Temporary Access Code for {}: the user {why} and cannot sign in with one; nothing was issued",
        user.login()
    )))
}

impl Issue {
    /// The TAC authenticator's id: given, or the one keyed `tac` in the org.
    fn authenticator(&self, gate: &Gate<'_>) -> Result<String> {
        if let Some(id) = &self.s.authenticator_id {
            return Ok(id.clone());
        }
        let list = gate.client.authenticators().map_err(|e| {
            let e = feature::explain(e.context("listing the org's authenticators"));
            match e.kind {
                Kind::Permission => e.hint("a service app needs the scope okta.authenticators.read; or pass --authenticator-id (Security › Authenticators › Temporary Access Code)"),
                _ => e,
            }
        })?;
        let Some(tac) = list.into_iter().find(|a| a.key == "tac") else {
            return Err(Error::failed(
                "this org has no Temporary Access Code authenticator (Security › Authenticators); nothing was issued",
            ));
        };
        if tac.status != "ACTIVE" {
            return Err(Error::failed(format!(
                "the org's Temporary Access Code authenticator is {} (Security › Authenticators); nothing was issued",
                clean(&tac.status)
            )));
        }
        Ok(tac.id)
    }

    fn lifetime(&self) -> String {
        let uses = if self.s.multi_use {
            "several uses"
        } else {
            "single use"
        };
        format!("valid {}, {uses}", ttl_text(self.s.ttl_minutes))
    }
}

impl Job for Issue {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        let user = match gate.resolve(t, single, feature::lookup) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        let mut row = Row::new(t.row, &t.input, Outcome::Refused);
        row.user = user.login().to_string();
        row.user_id = Some(user.id.clone());
        if let Some(e) = cannot_sign_in(&user) {
            return Step::Done(Box::new(row.with_failure(e)));
        }
        let authenticator = match self.authenticator(gate) {
            Ok(id) => id,
            Err(e) => {
                row.result = Outcome::Failed;
                return Step::Done(Box::new(row.with_failure(e)));
            }
        };
        let planned = Planned {
            call: Call::create_tac(
                &user.id,
                &authenticator,
                self.s.ttl_minutes,
                self.s.multi_use,
            ),
            user_id: user.id.clone(),
            user: user.login().to_string(),
            group: None,
            done: Outcome::TacIssued,
            would: Outcome::WouldIssueTac,
            noop: None,
        };
        if gate.dry_run() {
            gate.ctx.out.status(&format!(
                "dry run: the code would be {} (authenticator {authenticator})",
                self.lifetime()
            ));
        }
        Step::Change(Box::new(planned), Box::new(user))
    }

    fn done(&self, _: &Gate<'_>, t: &Target, p: &Planned, a: Applied, _: bool) -> Row {
        let answer = a.reply.as_ref().map(|r| r.json::<Enrollment>());
        let mut row = Row::applied(t.row, &t.input, p, a);
        if row.explain(|e| feature::explain(e.context(format!("issuing a TAC for {}", p.user)))) {
            return row;
        }
        match answer {
            Some(Ok(en)) if en.profile.tac.as_deref().is_some_and(|c| !c.is_empty()) => {
                if let Ok(mut slot) = self.issued.lock() {
                    *slot = Some(en);
                }
            }
            None => {}
            Some(_) => {
                row.result = Outcome::Unknown;
                let e = Error::network(format!(
                    "a Temporary Access Code was issued for {}, but Okta's answer held no code",
                    p.user
                ))
                .hint("run the command again: a new code replaces that one");
                return row.with_failure(e);
            }
        }
        row
    }

    fn question(&self, user: Option<&User>) -> Option<String> {
        let u = user?;
        Some(format!(
            "Issue a Temporary Access Code for {} ({})? Whoever holds it can sign in as them",
            u.name(),
            u.login()
        ))
    }

    fn details(&self) -> Vec<String> {
        vec![
            format!("  the code: {}", self.lifetime()),
            "  it replaces any earlier code of this user".into(),
        ]
    }

    fn what(&self, _: usize) -> String {
        "issuing a Temporary Access Code".into()
    }
}

pub fn run(ctx: &Context, user: &str, s: Settings) -> Result<()> {
    if !ctx.out.term.stdout && !ctx.change().yes && !ctx.change().dry_run {
        return Err(Error::usage(
            "the Temporary Access Code would be printed to a pipe or a file, and stdout is not a terminal; nothing was issued",
        )
        .hint("pass --yes to print it there anyway (you take charge of where it goes), or run it at a terminal"));
    }
    let targets = one_target(user)?;
    let gate = Gate::open(ctx, "tac")?;
    let job = Issue {
        s,
        issued: Mutex::new(None),
    };
    let pace = Pace {
        concurrency: 1,
        max_errors: None,
    };
    let (rows, ending) = run_rows(&gate, &job, &targets, pace)?;
    let issued = job.issued.lock().ok().and_then(|mut s| s.take());
    match (rows.as_slice(), issued) {
        ([row], Some(en)) if row.failure.is_none() => print_code(ctx, row, en),
        _ => finish(ctx, rows, ending),
    }
}
