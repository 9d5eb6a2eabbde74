//! Which tools the server offers, decided once at start from the
//! credential's own audit (the `check-perms` engine): every read tool; with
//! `--allow-writes`, each change tool whose right the roles prove. Where
//! Okta does not show the roles, the change tools the policy names
//! (`mcp.tools`) are offered instead, each failing cleanly on a 403. A
//! credential holding SUPER_ADMIN or ORG_ADMIN is refused unless
//! `--allow-excess`: an agent's credential holds the least roles.

use super::catalog::{Def, TOOLS};
use super::Options;
use crate::commands::check_perms::{self, CheckPermsArgs};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::perms::{Jobs, ORG_WIDE};

/// The tools offered, in the catalog's order, and a line saying why.
pub struct Offer {
    pub tools: Vec<&'static Def>,
    pub note: String,
}

fn audit(ctx: &Context, jobs: Jobs) -> Result<check_perms::Report> {
    let args = CheckPermsArgs {
        jobs,
        group: Vec::new(),
        strict: false,
        subject: None,
    };
    check_perms::evaluate(ctx, &args)
        .map_err(|e| e.context("checking the credential's rights before serving"))
}

pub fn offer(ctx: &Context, opts: &Options, named: Option<&[String]>) -> Result<Offer> {
    let report = audit(ctx, Jobs::All)?;
    // UNCONFIRMED whether an ORG_ADMIN credential may list its own roles:
    // where it may not, the excess cannot be seen here, and (roles hidden)
    // no change tool is offered unless the policy names it.
    let roles = report.role_types();
    let excess: Vec<&str> = roles
        .iter()
        .flatten()
        .copied()
        .filter(|r| ORG_WIDE.contains(r))
        .collect();
    if !excess.is_empty() && !opts.allow_excess {
        return Err(Error::usage(format!(
            "the credential holds {}: an agent's credential should hold only the roles its tools need",
            excess.join(", ")
        ))
        .hint("give the agent a service app (or an API token of an account) with Help Desk Admin, Group Membership Admin and Report Admin only; `oktactl check-perms --strict` shows the excess")
        .hint("or pass --allow-excess to serve with it anyway"));
    }
    let reads = TOOLS.iter().filter(|d| d.change.is_none());
    if !opts.allow_writes {
        return Ok(Offer {
            tools: reads.collect(),
            note: "read-only (pass --allow-writes for the change tools)".into(),
        });
    }
    // `all` leaves containment (sessions_clear) out: its own audit.
    let containment = match roles {
        Some(_) => Some(audit(ctx, Jobs::Containment)?),
        None => None,
    };
    let proven =
        |key: &str| report.proven(key) || containment.as_ref().is_some_and(|c| c.proven(key));
    let changes: Vec<&'static Def> = TOOLS
        .iter()
        .filter(|d| match (&d.change, &roles) {
            (None, _) => false,
            (Some(c), Some(_)) => {
                proven(c.right.key) && named.is_none_or(|n| n.iter().any(|t| t == d.id))
            }
            (Some(_), None) => named.is_some_and(|n| n.iter().any(|t| t == d.id)),
        })
        .collect();
    let note = match (&roles, named) {
        (Some(_), _) => format!(
            "change tools proven by the credential's roles: {}",
            list(&changes)
        ),
        (None, Some(_)) => format!(
            "Okta does not show the credential's roles: change tools named by the policy (mcp.tools), each failing on a 403 where the right is missing: {}",
            list(&changes)
        ),
        (None, None) => "Okta does not show the credential's roles, so no change tool is offered: name them in the policy's mcp.tools (an auditor proves them with `oktactl check-perms --subject …`)".into(),
    };
    Ok(Offer {
        tools: reads.chain(changes).collect(),
        note,
    })
}

fn list(defs: &[&Def]) -> String {
    if defs.is_empty() {
        return "none".into();
    }
    defs.iter().map(|d| d.id).collect::<Vec<_>>().join(", ")
}
