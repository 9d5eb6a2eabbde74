use clap::Args;
use reqwest::Method;
use serde::Serialize;

use crate::audit::Entry;
use crate::confirm::{needs_role, HELP_DESK};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::okta::models::Factor;
use crate::output::{Format, Tabular};

/// Factor types whose removal takes the user's other Okta Verify factors with it.
const OKTA_VERIFY_CASCADE: [&str; 2] = ["push", "signed_nonce"];
/// The factor types of the Okta Verify app.
const OKTA_VERIFY: [&str; 3] = ["push", "signed_nonce", "token:software:totp"];

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl reset-mfa jane.doe@acme.com --ticket HD-1234      # all factors
  oktactl reset-mfa jane.doe@acme.com --factor sms
  oktactl reset-mfa jane.doe@acme.com --factor mbl1abcd --dry-run

Removing push or signed_nonce also removes the user's other Okta Verify factors.")]
pub struct ResetMfaArgs {
    /// A user id (00u…), login or email
    pub user: String,
    /// Remove only this factor: its id, or its type (sms, push, token:software:totp, …)
    #[arg(long, value_name = "TYPE|ID")]
    pub factor: Option<String>,
}

#[derive(Debug, Serialize)]
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
struct Outcome {
    user: String,
    user_id: String,
    result: &'static str,
    factors_reset: Vec<FactorOut>,
}

pub fn run(ctx: &Context, args: ResetMfaArgs) -> Result<()> {
    let client = ctx.client()?;
    let user = ctx
        .resolve_user(&args.user)
        .map_err(|e| needs_role(e, HELP_DESK))?;
    let login = user.login().to_string();
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
    let mut outcome = Outcome {
        user: login.clone(),
        user_id: user.id.clone(),
        result: "no_factors",
        factors_reset: Vec::new(),
    };
    if factors.is_empty() {
        ctx.out.status(&format!(
            "{login} has no MFA factors enrolled: nothing to reset"
        ));
        return print(ctx, &outcome);
    }
    let (url, method, removed) = match &args.factor {
        None => (
            client.api(&["users", &user.id, "lifecycle", "reset_factors"])?,
            Method::POST,
            factors.iter().collect::<Vec<_>>(),
        ),
        Some(which) => {
            let f = pick(&factors, which, &login)?;
            let mut removed = vec![f];
            if OKTA_VERIFY_CASCADE.contains(&f.factor_type.as_str()) {
                let others: Vec<&Factor> = factors
                    .iter()
                    .filter(|o| o.id != f.id && is_okta_verify(o))
                    .collect();
                if !others.is_empty() {
                    ctx.out.warn(&format!(
                        "removing {} also removes the user's other Okta Verify factors: {}",
                        f.factor_type,
                        describe(&others)
                    ));
                }
                removed.extend(others);
            }
            let url = client.api(&["users", &user.id, "factors", &f.id])?;
            (url, Method::DELETE, removed)
        }
    };
    outcome.factors_reset = removed.iter().map(|f| FactorOut::from(*f)).collect();
    if ctx.global.dry_run {
        ctx.would_send(&method, &url);
        outcome.result = "would_reset";
        return print(ctx, &outcome);
    }
    ctx.show_identity(&user);
    ctx.confirm(
        &format!("resetting the MFA factors of {login}"),
        &format!(
            "Remove these MFA factors of {} ({login}): {}?",
            user.name(),
            describe(&removed)
        ),
    )?;
    let audit = ctx.audit("reset-mfa")?;
    let sent = client.send(method, url, None);
    let (result, request_id) = match &sent {
        Ok(reply) => ("reset", reply.request_id()),
        Err(e) => ("failed", e.request_id().map(str::to_string)),
    };
    audit.record(&Entry {
        user_id: Some(&user.id),
        user: Some(&login),
        group: None,
        result,
        request_id: request_id.as_deref(),
    })?;
    sent.map_err(|e| {
        needs_role(
            e.context(format!("resetting the factors of {login}")),
            HELP_DESK,
        )
    })?;
    outcome.result = "reset";
    ctx.out.status(&format!(
        "removed {} factor(s) of {login}; they enrol again at their next sign-in",
        outcome.factors_reset.len()
    ));
    print(ctx, &outcome)
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

fn print(ctx: &Context, o: &Outcome) -> Result<()> {
    match ctx.out.format {
        Format::Json => ctx.out.json(o),
        Format::Csv => ctx.out.list(o.factors_reset.iter().map(Ok)).map(|_| ()),
        Format::Table if o.factors_reset.is_empty() => Ok(()),
        Format::Table => {
            let rows = o.factors_reset.iter().map(|f| f.row()).collect();
            ctx.out
                .data(&ctx.out.table(&FactorOut::columns(), rows).to_string())
        }
    }
}
