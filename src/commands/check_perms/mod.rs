//! `check-perms`: does the token hold exactly the admin roles the jobs need?

mod groups;
mod probe;
mod rows;
mod scopes;

use clap::Args;
use serde::Serialize;

use crate::commands::shared::roles::RoleView;
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::okta::models::User;
use crate::okta::roles::ScopedRole;
use crate::output::Format;
use crate::perms::{self, Jobs};
use groups::GroupCheck;
use probe::Probe;
use rows::Check;

/// Audit the token's admin roles against what the jobs need
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl check-perms\n  oktactl check-perms --for provisioning --group Engineering --group Sales\n  oktactl check-perms --for all --strict -o json"
)]
pub struct CheckPermsArgs {
    /// The jobs whose rights to check
    #[arg(long = "for", value_enum, default_value_t = Jobs::All, value_name = "JOBS")]
    pub jobs: Jobs,
    /// Also check that the group-scoped roles reach this group (id or exact name; repeatable)
    #[arg(long, value_name = "GROUP")]
    pub group: Vec<String>,
    /// Fail on excess too: SUPER_ADMIN, ORG_ADMIN and any role the jobs do not need
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    ok: bool,
    #[serde(rename = "for")]
    jobs: &'static str,
    strict: bool,
    required: Vec<&'static str>,
    missing: Vec<&'static str>,
    excess: Vec<String>,
    roles: Option<Vec<RoleView>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles_error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    probes: Option<Vec<Probe>>,
    groups_checked: Vec<GroupCheck>,
    checks: Vec<Check>,
    warnings: Vec<String>,
}

pub fn run(ctx: &Context, args: CheckPermsArgs) -> Result<()> {
    let client = ctx.client()?;
    // A service app has no user: its roles are assigned to the client.
    let me: Option<User> = match client.oauth() {
        Some(_) => None,
        None => Some(
            client
                .get(client.api(&["users", "me"])?)
                .map_err(|e| e.context("looking up the token's own account"))?,
        ),
    };
    let found = args
        .group
        .iter()
        .map(|g| client.find_group(g))
        .collect::<Result<Vec<_>>>()?;
    let listed = match (&me, client.oauth()) {
        (Some(me), _) => client
            .roles_of(&me.id)
            .and_then(|r| client.with_targets(&me.id, r)),
        (None, Some(app)) => client.roles_of_client(app.client_id()),
        (None, None) => Err(Error::failed("no account to check")),
    };
    let (roles, roles_error) = match listed {
        Ok(r) => (Some(r), None),
        Err(e) if e.kind == Kind::Permission => (None, Some(e.message.clone())),
        Err(e) => return Err(e.context("listing the token's admin roles")),
    };
    let required = perms::required(args.jobs);
    let mut warnings = Vec::new();
    let (checks, probes) = match &roles {
        Some(roles) => (rows::by_roles(&required, roles, args.strict), None),
        None => {
            ctx.out.warn(&format!(
                "Okta refused to list this token's admin roles ({}); checking with read-only probes instead",
                roles_error.as_deref().unwrap_or("403")
            ));
            let probes = probe::run(client)?;
            for p in &probes {
                let verdict = if p.ok { "allowed" } else { "refused" };
                ctx.out
                    .status(&format!("probe {}: {verdict} ({})", p.request, p.proves));
            }
            (rows::by_probes(&required, &probes), Some(probes))
        }
    };
    let mut checks = checks;
    if let Some(app) = client.oauth() {
        let granted = app.access(client)?.granted;
        scopes::apply(&required, &mut checks, &granted);
    }
    let excess = roles
        .as_deref()
        .map(|r| perms::excess(args.jobs, r))
        .unwrap_or_default();
    let mut groups_checked = Vec::new();
    for g in found {
        groups_checked.push(groups::check(
            client,
            g,
            args.jobs,
            roles.as_deref(),
            &mut warnings,
        )?);
    }
    if let Some(r) = &roles {
        if r.iter().any(|r| r.role.kind == "CUSTOM") {
            warnings.push(
                "custom roles are not evaluated: the rights they give are not counted".into(),
            );
        }
        if !args.strict && !excess.is_empty() {
            warnings.push(format!(
                "the token also holds roles these jobs do not need: {} (--strict fails on this)",
                excess.join(", ")
            ));
        }
    } else if args.strict {
        warnings.push("excess roles cannot be seen while the roles are unreadable".into());
    }
    let missing: Vec<&'static str> = required
        .iter()
        .zip(&checks)
        .filter(|(_, c)| c.result == "FAIL")
        .map(|(r, _)| r.key)
        .collect();
    let ok = missing.is_empty()
        && groups_checked.iter().all(|g| g.covered)
        && (!args.strict || excess.is_empty())
        && checks.iter().all(|c| c.result != "EXCESS");
    let mut report = Report {
        ok,
        jobs: args.jobs.name(),
        strict: args.strict,
        required: required.iter().map(|r| r.key).collect(),
        missing,
        excess,
        roles: roles
            .as_deref()
            .map(|r| r.iter().map(RoleView::from).collect()),
        roles_error,
        probes,
        groups_checked,
        checks,
        warnings,
    };
    add_rows(&mut report, roles.as_deref());
    for w in &report.warnings {
        ctx.out.warn(w);
    }
    match ctx.out.format {
        Format::Json => ctx.out.json(&report)?,
        _ => {
            ctx.out.list(report.checks.iter().map(Ok))?;
        }
    }
    if report.ok {
        ctx.out.status("check-perms: PASS");
        return Ok(());
    }
    let mut parts = Vec::new();
    if !report.missing.is_empty() {
        parts.push(format!("missing {}", report.missing.join(", ")));
    }
    let excess: Vec<&str> = report
        .checks
        .iter()
        .filter(|c| c.result == "EXCESS")
        .map(|c| c.right.as_str())
        .collect();
    if !excess.is_empty() {
        parts.push(format!("excess {}", excess.join(", ")));
    }
    let uncovered = report.groups_checked.iter().filter(|g| !g.covered).count();
    if uncovered > 0 {
        parts.push(format!("{uncovered} group(s) not covered"));
    }
    Err(
        Error::failed(format!("check-perms found gaps: {}", parts.join("; ")))
            .hint("the FIX column (in JSON: checks[].fix) says what to change"),
    )
}

/// Rows for excess roles (with `--strict`) and checked groups.
fn add_rows(report: &mut Report, roles: Option<&[ScopedRole]>) {
    if report.strict {
        for kind in &report.excess {
            let scoped: Vec<&ScopedRole> = roles
                .into_iter()
                .flatten()
                .filter(|r| &r.role.kind == kind)
                .collect();
            let names: Vec<String> = scoped.iter().map(|r| perms::role_name(r)).collect();
            report.checks.push(Check {
                right: format!("role {kind}"),
                description: "a role the selected jobs do not need".into(),
                result: "EXCESS",
                role: Some(names.join(", ")),
                scope: scoped.first().map(|r| RoleView::from(*r).scope_text()),
                proven_by: Some("role"),
                fix: Some(format!(
                    "remove {kind} from the token's admin (or from the group that gives it)"
                )),
            });
        }
    }
    for g in &report.groups_checked {
        report.checks.push(Check {
            right: format!("group {}", g.group),
            description: format!("the jobs can change group {} ({})", g.group, g.id),
            result: if g.covered { "PASS" } else { "FAIL" },
            role: None,
            scope: Some(g.kind.clone()),
            proven_by: None,
            fix: (!g.covered).then(|| g.reasons.join("; ")),
        });
    }
}
