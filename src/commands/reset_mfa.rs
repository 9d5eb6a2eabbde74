//! `oktactl reset-mfa`: remove a user's MFA factors (all, or one by id or
//! type), or every factor of many users, through the change gate.

use std::sync::Mutex;

use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::error::{Error, Result};
use crate::gate::report::finish;
use crate::gate::run::run as run_rows;
use crate::gate::targets::BulkArgs;
use crate::gate::{read_targets, Applied, Gate, Job, Outcome, Planned, Row, Step, Target};
use crate::okta::changes::Call;
use crate::okta::models::{Factor, User};
use crate::output::{Format, Tabular};
use crate::perms::{needs_role, HELP_DESK, PASSWORD_RESET};
use crate::preflight;

/// Factor types whose removal takes the user's other Okta Verify factors with it.
const OKTA_VERIFY_CASCADE: [&str; 2] = ["push", "signed_nonce"];
/// The factor types of the Okta Verify app.
const OKTA_VERIFY: [&str; 3] = ["push", "signed_nonce", "token:software:totp"];

/// Reset a user's MFA factors, all of them or one
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl reset-mfa jane.doe@acme.com --ticket HD-1234      # all factors
  oktactl reset-mfa jane.doe@acme.com --factor sms
  oktactl reset-mfa jane.doe@acme.com --factor mbl1abcd --dry-run
  oktactl reset-mfa --from lost-phones.csv --yes --ticket HD-1300

Removing push or signed_nonce also removes the user's other Okta Verify factors.")]
pub struct ResetMfaArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// Remove only this factor: its id, or its type (sms, push, token:software:totp, …); one user
    #[arg(long, value_name = "TYPE|ID")]
    pub factor: Option<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

#[derive(Debug, Clone, Serialize)]
struct FactorOut {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    provider: String,
}

impl From<&Factor> for FactorOut {
    fn from(f: &Factor) -> Self {
        FactorOut {
            id: f.id.clone(),
            kind: f.factor_type.clone(),
            provider: f.provider.clone(),
        }
    }
}

impl Tabular for FactorOut {
    fn columns() -> Vec<&'static str> {
        vec!["type", "provider", "id"]
    }
    fn row(&self) -> Vec<String> {
        vec![self.kind.clone(), self.provider.clone(), self.id.clone()]
    }
}

#[derive(Debug, Serialize)]
struct Outcome1 {
    user: String,
    user_id: Option<String>,
    result: Outcome,
    factors_reset: Vec<FactorOut>,
    change_id: Option<String>,
    request_id: Option<String>,
}

struct ResetMfa {
    factor: Option<String>,
    /// The factors a single-user run removes.
    removed: Mutex<Vec<FactorOut>>,
}

impl Job for ResetMfa {
    fn plan(&self, gate: &Gate<'_>, t: &Target, single: bool) -> Step {
        let user = match gate.resolve(t, single, |e| needs_role(e, HELP_DESK)) {
            Ok(u) => u,
            Err(row) => return Step::Done(row),
        };
        match self.plan_user(gate, &user, single) {
            Ok((planned, removed)) => {
                if single {
                    if let Ok(mut r) = self.removed.lock() {
                        *r = removed.iter().map(FactorOut::from).collect();
                    }
                }
                match planned {
                    Some(p) => Step::Change(Box::new(p), Box::new(user)),
                    None => {
                        if single {
                            gate.ctx.out.status(&format!(
                                "{} has no MFA factors enrolled: nothing to reset",
                                user.login()
                            ));
                        }
                        let mut row = Row::new(t.row, &t.input, Outcome::NoFactors);
                        row.user = user.login().to_string();
                        row.user_id = Some(user.id);
                        Step::Done(Box::new(row))
                    }
                }
            }
            Err(e) => {
                let mut row = Row::failed(t.row, &t.input, Outcome::Failed, e);
                row.user = user.login().to_string();
                row.user_id = Some(user.id);
                Step::Done(Box::new(row))
            }
        }
    }

    fn done(&self, gate: &Gate<'_>, t: &Target, p: &Planned, a: Applied, single: bool) -> Row {
        let mut row = Row::applied(t.row, &t.input, p, a);
        let failed = row.explain(|e| {
            needs_role(
                e.context(format!("resetting the factors of {}", p.user)),
                HELP_DESK,
            )
        });
        if !failed && single && row.result == Outcome::Reset {
            let n = self.removed.lock().map(|r| r.len()).unwrap_or(0);
            gate.ctx.out.status(&format!(
                "removed {n} factor(s) of {}; they enrol again at their next sign-in",
                p.user
            ));
        }
        row
    }

    fn question(&self, user: Option<&User>) -> Option<String> {
        Some(match user {
            Some(u) => format!(
                "Remove the MFA factors listed above from {} ({})?",
                u.name(),
                u.login()
            ),
            None => "Remove every MFA factor of {n} users".into(),
        })
    }

    fn details(&self) -> Vec<String> {
        let removed = self.removed.lock().map(|r| r.clone()).unwrap_or_default();
        std::iter::once("  factors to remove:".to_string())
            .chain(
                removed
                    .iter()
                    .map(|f| format!("    {}  {}  {}", f.kind, f.provider, f.id)),
            )
            .collect()
    }

    fn what(&self, rows: usize) -> String {
        match rows {
            1 => "resetting MFA factors".into(),
            n => format!("resetting the MFA factors of {n} users"),
        }
    }
}

impl ResetMfa {
    /// The change for one user (`None`: no factors) and the factors it removes.
    fn plan_user(
        &self,
        gate: &Gate<'_>,
        user: &User,
        single: bool,
    ) -> Result<(Option<Planned>, Vec<Factor>)> {
        let client = gate.client;
        let login = user.login();
        if user.status == "DEPROVISIONED" {
            return Err(Error::failed(format!(
                "cannot reset the factors of {login}: the user is deactivated (DEPROVISIONED); nothing was sent"
            ))
            .hint("a deactivated user's factors cannot be removed; reactivate the user first if needed"));
        }
        let factors: Vec<Factor> = client
            .get(client.api(&["users", &user.id, "factors"])?)
            .map_err(|e| {
                needs_role(
                    e.context(format!("listing the factors of {login}")),
                    HELP_DESK,
                )
            })?;
        if factors.is_empty() {
            return Ok((None, factors));
        }
        let (call, removed) = match &self.factor {
            None => (Call::reset_factors(&user.id), factors.clone()),
            Some(which) => {
                let f = pick(&factors, which, login)?;
                let mut removed = vec![f.clone()];
                if OKTA_VERIFY_CASCADE.contains(&f.factor_type.as_str()) {
                    let others: Vec<Factor> = factors
                        .iter()
                        .filter(|o| o.id != f.id && is_okta_verify(o))
                        .cloned()
                        .collect();
                    if !others.is_empty() && single {
                        gate.ctx.out.warn(&format!(
                            "removing {} also removes the user's other Okta Verify factors: {}",
                            f.factor_type,
                            describe(&others.iter().collect::<Vec<_>>())
                        ));
                    }
                    removed.extend(others);
                }
                (Call::delete_factor(&user.id, &f.id), removed)
            }
        };
        let planned = Planned {
            call,
            user_id: user.id.clone(),
            user: login.to_string(),
            group: None,
            done: Outcome::Reset,
            would: Outcome::WouldReset,
            noop: None,
        };
        Ok((Some(planned), removed))
    }
}

pub fn run(ctx: &Context, args: ResetMfaArgs) -> Result<()> {
    let targets = read_targets(&args.users, args.bulk.from.as_deref())?;
    if args.factor.is_some() && targets.len() > 1 {
        return Err(Error::usage("--factor takes a single user")
            .hint("without --factor, every factor of each user is reset"));
    }
    let gate = Gate::open(ctx, "reset-mfa")?;
    preflight::check(
        ctx,
        PASSWORD_RESET,
        None,
        targets.len(),
        args.bulk.no_preflight,
    )?;
    let job = ResetMfa {
        factor: args.factor,
        removed: Mutex::new(Vec::new()),
    };
    let (rows, ending) = run_rows(&gate, &job, &targets, args.bulk.pace())?;
    match rows.as_slice() {
        [row] if ending.audit_failed.is_none() && !ending.interrupted && row.failure.is_none() => {
            let removed = job.removed.lock().map(|r| r.clone()).unwrap_or_default();
            print_one(ctx, row, removed)
        }
        _ => finish(ctx, rows, ending),
    }
}

fn print_one(ctx: &Context, row: &Row, factors: Vec<FactorOut>) -> Result<()> {
    let factors = if row.result == Outcome::NoFactors {
        Vec::new()
    } else {
        factors
    };
    let o = Outcome1 {
        user: row.who().to_string(),
        user_id: row.user_id.clone(),
        result: row.result,
        factors_reset: factors,
        change_id: row.change_id.clone(),
        request_id: row.request_id.clone(),
    };
    match ctx.out.format {
        Format::Json => ctx.out.json(&o),
        Format::Csv => ctx.out.list(o.factors_reset.iter().map(Ok)).map(|_| ()),
        Format::Table if o.factors_reset.is_empty() => Ok(()),
        Format::Table => {
            let rows = o.factors_reset.iter().map(|f| f.row()).collect();
            ctx.out
                .data(&ctx.out.table(&FactorOut::columns(), rows).to_string())
        }
    }
}

fn is_okta_verify(f: &Factor) -> bool {
    f.provider.eq_ignore_ascii_case("OKTA") && OKTA_VERIFY.contains(&f.factor_type.as_str())
}

fn describe(factors: &[&Factor]) -> String {
    factors
        .iter()
        .map(|f| format!("{} ({}, {})", f.factor_type, f.provider, f.id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one factor named by id, else by type; none or several → exit 3.
fn pick<'f>(factors: &'f [Factor], which: &str, login: &str) -> Result<&'f Factor> {
    let which = which.trim();
    if let Some(f) = factors.iter().find(|f| f.id == which) {
        return Ok(f);
    }
    let same: Vec<&Factor> = factors
        .iter()
        .filter(|f| f.factor_type.eq_ignore_ascii_case(which))
        .collect();
    match same.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::not_found(format!(
            "{login} has no enrolled factor with id or type '{which}'"
        ))
        .hint(format!(
            "enrolled: {}",
            describe(&factors.iter().collect::<Vec<_>>())
        ))),
        many => Err(Error::not_found(format!(
            "{login} has {} factors of type '{which}': {}",
            many.len(),
            describe(many)
        ))
        .hint("pass --factor with the id of the one to remove")),
    }
}
