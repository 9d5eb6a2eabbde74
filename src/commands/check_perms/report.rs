//! The report's verdict: the rows for excess roles and checked groups, what
//! is missing, whether it passes, and the closing line or error.

use super::rows::{self, Check};
use super::Report;
use crate::commands::shared::roles::RoleView;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::okta::roles::ScopedRole;
use crate::perms::{self, Right};

/// The rights whose row failed.
pub fn missing(required: &[&'static Right], checks: &[Check]) -> Vec<&'static str> {
    required
        .iter()
        .zip(checks)
        .filter(|(_, c)| c.result == "FAIL")
        .map(|(r, _)| r.key)
        .collect()
}

pub fn ok(r: &Report) -> bool {
    r.missing.is_empty()
        && r.groups_checked.iter().all(|g| g.covered)
        && (!r.strict || r.excess.is_empty())
        && r.checks.iter().all(|c| c.result != "EXCESS")
        && r.health.failed() == 0
}

/// Rows for excess roles (with `--strict`) and checked groups.
pub fn add_rows(report: &mut Report, roles: Option<&[ScopedRole]>) {
    if report.strict {
        for kind in &report.excess {
            let scoped: Vec<&ScopedRole> = roles
                .into_iter()
                .flatten()
                .filter(|r| &r.role.kind == kind)
                .collect();
            let mut c = rows::check(perms::GROUP_MEMBERSHIP);
            c.right = format!("role {kind}");
            c.description = "a role the selected jobs do not need".into();
            c.result = "EXCESS";
            c.given_by(&scoped);
            c.scope = scoped.first().map(|r| RoleView::from(*r).scope_text());
            c.proven_by = Some("role");
            c.fix = Some(format!(
                "remove {kind} from the admin (or from the group that gives it)"
            ));
            report.checks.push(c);
        }
    }
    for g in &report.groups_checked {
        let mut c = rows::check(perms::GROUP_MEMBERSHIP);
        c.right = format!("group {}", g.group);
        c.description = format!("the jobs can change group {} ({})", g.group, g.id);
        c.result = if g.covered { "PASS" } else { "FAIL" };
        c.scope = Some(g.kind.clone());
        c.fix = (!g.covered).then(|| g.reasons.join("; "));
        report.checks.push(c);
    }
}

/// `check-perms: PASS`, or the error that names the gaps (exit 1).
pub fn verdict(ctx: &Context, report: &Report) -> Result<()> {
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
    let failed = report.health.failed();
    if failed > 0 {
        parts.push(format!("{failed} credential health check(s) failed"));
    }
    Err(
        Error::failed(format!("check-perms found gaps: {}", parts.join("; "))).hint(
            "the FIX column (in JSON: checks[].fix, health.checks[].fix) says what to change",
        ),
    )
}
