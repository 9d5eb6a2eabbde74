//! The preflight of a bulk change (`grant`, `revoke`, `unlock`,
//! `reset-password`, `reset-mfa` with more than one user): before the first
//! write, prove from the credential's roles and targets (and a service
//! app's granted scopes) that the run's right covers its group, and stop
//! with the `check-perms` fix instead of failing row after row.
//!
//! Where the roles cannot be read, it says so in one line and goes on: the
//! rows then succeed or fail on their own, as without a preflight, so either
//! answer is safe. `--no-preflight` skips it; a single user never has one.

use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::okta::models::Group;
use crate::okta::roles::ScopedRole;
use crate::okta::Client;
use crate::perms::{self, Outcome, Right};

/// Check that the credential may use `right` (on `group`, for membership)
/// before a run of `rows` changes. `Err` (exit 5) stops the run with nothing sent.
pub fn check(
    ctx: &Context,
    right: &'static Right,
    group: Option<&Group>,
    rows: usize,
    skip: bool,
) -> Result<()> {
    // A dry run reports each refused row as `would_fail` with its reason.
    if skip || rows < 2 || ctx.change().dry_run {
        return Ok(());
    }
    let client = ctx.client()?;
    let roles = match client.own_roles() {
        Ok(r) => r,
        Err(e) if e.kind == Kind::Auth => return Err(e),
        Err(e) => {
            let why = if matches!(e.kind, Kind::Permission | Kind::NotFound) {
                "Okta does not show this credential's roles".to_string()
            } else {
                format!("the roles could not be read ({})", e.short())
            };
            ctx.out.status(&format!(
                "preflight: {why}, so {} cannot be proven before the run; going on (an auditor proves it with `oktactl check-perms --subject …`)",
                right.key
            ));
            return Ok(());
        }
    };
    let fix = |e: Error| {
        e.hint(check_perms(right, group))
            .hint("--no-preflight skips this check")
    };
    if let Some(session) = client.oauth() {
        let granted = session.access(client)?.granted;
        if !right
            .scopes
            .iter()
            .any(|s| granted.contains(&s.to_string()))
        {
            let scope = right.scopes.first().copied().unwrap_or("?");
            return Err(fix(stop(format!(
                "the service app was not granted the scope {scope}, which {} needs",
                right.key
            ))
            .why(format!(
                "grant {scope} to the service app (Okta API Scopes tab; only a Super Admin can)"
            ))));
        }
    }
    if let Outcome::Fail = perms::evaluate(right, &roles) {
        return Err(fix(stop(format!(
            "no role of this credential gives {} ({})",
            right.key, right.what
        ))
        .why(right.fix)));
    }
    if let Some(g) = group {
        return covers_group(client, right, &roles, g).map_err(fix);
    }
    if let Some(targets) = scoped_targets(right, &roles) {
        ctx.out.status(&format!(
            "preflight: {} covers only users in the groups {targets}; Okta refuses the others",
            perms::kinds(&perms::giving(right, &roles))
        ));
    }
    Ok(())
}

/// The group's own checks: inside the targets, and no admin roles held by
/// it unless the credential is a Super Admin.
fn covers_group(client: &Client, right: &Right, roles: &[ScopedRole], g: &Group) -> Result<()> {
    let name = &g.profile.name;
    if !perms::covers(right, roles, &g.id) {
        let giving = perms::giving(right, roles);
        return Err(stop(format!(
            "'{name}' ({}) is outside the target groups of {} (they cover: {})",
            g.id,
            perms::names(&giving),
            scoped_targets(right, roles).unwrap_or_default()
        ))
        .why(format!(
            "add '{name}' to the target groups of that role, or assign {} for it",
            right.roles.join(" or ")
        )));
    }
    let super_admin = perms::active(roles).any(|r| r.role.kind == "SUPER_ADMIN");
    // A group whose roles cannot be listed is left to the run (safe either way).
    if !super_admin && client.group_has_roles(&g.id).unwrap_or(false) {
        return Err(stop(format!(
            "'{name}' ({}) holds admin roles: only a Super Admin can change its members",
            g.id
        ))
        .why("choose a group that holds no admin roles"));
    }
    Ok(())
}

/// "'A', 'B'" when every role giving the right is limited to target groups.
fn scoped_targets(right: &Right, roles: &[ScopedRole]) -> Option<String> {
    let org_wide = perms::active(roles).any(|r| perms::ORG_WIDE.contains(&r.role.kind.as_str()));
    let giving = perms::giving(right, roles);
    if org_wide || giving.is_empty() || giving.iter().any(|r| r.groups.is_empty()) {
        return None;
    }
    let mut names: Vec<String> = giving
        .iter()
        .flat_map(|r| r.groups.iter().map(|g| format!("'{}'", g.profile.name)))
        .collect();
    names.sort();
    names.dedup();
    Some(names.join(", "))
}

fn stop(what: String) -> Error {
    Error::new(
        Kind::Permission,
        format!("preflight: {what}; nothing was sent"),
    )
}

fn check_perms(right: &Right, group: Option<&Group>) -> String {
    let jobs = right.job.name();
    match group {
        Some(g) => format!(
            "check with `oktactl check-perms --for {jobs} --group {}`",
            g.id
        ),
        None => format!("check with `oktactl check-perms --for {jobs}`"),
    }
}
