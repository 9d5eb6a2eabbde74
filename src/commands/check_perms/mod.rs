//! `check-perms`: does the credential (or, with `--subject`, another
//! principal an auditor checks) hold exactly the admin roles the jobs need,
//! and is the credential healthy?

mod groups;
mod probe;
mod report;
mod rows;
mod scopes;
mod subject;

use clap::Args;
use serde::Serialize;

use crate::commands::shared::health::{self, Health};
use crate::commands::shared::roles::RoleView;
use crate::context::Context;
use crate::error::Result;
use crate::okta::roles::ScopedRole;
use crate::perms::{self, Jobs};
use groups::GroupCheck;
use probe::Probe;
use rows::Check;
use subject::Subject;

/// Audit the credential's admin roles (or another principal's) against what the jobs need
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl check-perms\n  oktactl check-perms --for provisioning --group Engineering --group Sales\n  oktactl check-perms --for all --strict -o json\n  oktactl check-perms --subject ci-bot@acme.com --strict   # as an auditor\n  oktactl check-perms --subject 0oa1b2c3d4e5f6g7h8i9 -o json   # a service app\n\n--subject audits another principal with your own credential (e.g. an auditor's profile: --profile auditor), which must be allowed to read admin roles."
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
    /// Audit this user (id, login or email) or service app (client id) instead, with this credential as the auditor
    #[arg(long, value_name = "USER|CLIENT_ID")]
    pub subject: Option<String>,
}

/// The audit of one principal, as `check-perms` prints it.
#[derive(Debug, Serialize)]
pub struct Report {
    ok: bool,
    #[serde(rename = "for")]
    jobs: &'static str,
    strict: bool,
    subject: Subject,
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
    health: Health,
    warnings: Vec<String>,
}

impl Report {
    /// Whether the audit passes (exit 0).
    pub fn passes(&self) -> bool {
        self.ok
    }

    /// The credential's role types, or `None` where Okta does not show them.
    pub fn role_types(&self) -> Option<Vec<&str>> {
        self.roles
            .as_ref()
            .map(|r| r.iter().map(|r| r.kind.as_str()).collect())
    }

    /// Whether the right (`password_reset`, …) was proven: its row passed.
    pub fn proven(&self, right: &str) -> bool {
        self.checks
            .iter()
            .any(|c| c.right == right && c.result == "PASS")
    }

    /// "ok: …" or "FAIL: missing …", in one line.
    pub fn summary(&self) -> String {
        let verdict = if self.ok { "pass" } else { "fail" };
        let mut text = format!("check-perms {verdict} for {}", self.jobs);
        if !self.missing.is_empty() {
            text.push_str(&format!("; missing {}", self.missing.join(", ")));
        }
        if !self.excess.is_empty() {
            text.push_str(&format!("; excess roles {}", self.excess.join(", ")));
        }
        if self.roles.is_none() {
            text.push_str("; Okta does not show the roles (checked by probes)");
        }
        text
    }
}

pub fn run(ctx: &Context, args: CheckPermsArgs) -> Result<()> {
    let report = evaluate(ctx, &args)?;
    if ctx.out.format == crate::output::Format::Json {
        ctx.out.json(&report)?;
    } else {
        ctx.out.list(report.checks.iter().map(Ok))?;
    }
    health::print(ctx, &report.health)?;
    report::verdict(ctx, &report)
}

/// The audit, read only; its warnings and probes are said on stderr,
/// nothing goes to stdout.
pub fn evaluate(ctx: &Context, args: &CheckPermsArgs) -> Result<Report> {
    let client = ctx.client()?;
    let who = subject::resolve(client, args.subject.as_deref())?;
    if !who.own {
        ctx.out.status(&format!(
            "auditing {} {} ({}) with the credential of profile '{}'",
            who.kind.replace('_', " "),
            who.name,
            who.id,
            ctx.profile()
        ));
    }
    let found = args
        .group
        .iter()
        .map(|g| client.find_group(g))
        .collect::<Result<Vec<_>>>()?;
    let (roles, roles_error) = match who.roles(client)? {
        Ok(r) => (Some(r), None),
        Err(why) => (None, Some(why)),
    };
    let required = perms::required(args.jobs);
    let mut warnings = Vec::new();
    let (mut checks, probes) = match &roles {
        Some(roles) => (rows::by_roles(&required, roles, args.strict), None),
        None => {
            ctx.out.warn(&format!(
                "Okta refused to list this credential's admin roles ({}); checking with read-only probes instead",
                roles_error.as_deref().unwrap_or("403")
            ));
            let probes = probe::run(client)?;
            for p in &probes {
                let verdict = if p.ok { "allowed" } else { "refused" };
                ctx.out
                    .status(&format!("probe {}: {verdict} ({})", p.request, p.proves));
            }
            let writes: Vec<&str> = required
                .iter()
                .filter(|r| r.probe.is_none())
                .map(|r| r.key)
                .collect();
            if !writes.is_empty() {
                warnings.push(format!(
                    "write rights ({}) cannot be proven this way: have an auditor credential (a Super Admin) run `oktactl check-perms --subject {}`",
                    writes.join(", "),
                    who.name
                ));
            }
            (rows::by_probes(&required, &probes, &who.name), Some(probes))
        }
    };
    match who.granted(client) {
        Ok(Some(granted)) => scopes::apply(&required, &mut checks, &granted),
        Ok(None) => {}
        Err(why) => warnings.push(why),
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
    role_warnings(&mut warnings, roles.as_deref(), &excess, args.strict);
    let health = who.health(client);
    let mut report = Report {
        ok: false,
        jobs: args.jobs.name(),
        strict: args.strict,
        subject: who,
        required: required.iter().map(|r| r.key).collect(),
        missing: report::missing(&required, &checks),
        excess,
        roles: roles
            .as_deref()
            .map(|r| r.iter().map(RoleView::from).collect()),
        roles_error,
        probes,
        groups_checked,
        checks,
        health,
        warnings,
    };
    report::add_rows(&mut report, roles.as_deref());
    report.ok = report::ok(&report);
    for w in &report.warnings {
        ctx.out.warn(w);
    }
    Ok(report)
}

fn role_warnings(
    warnings: &mut Vec<String>,
    roles: Option<&[ScopedRole]>,
    excess: &[String],
    strict: bool,
) {
    match roles {
        Some(r) => {
            if r.iter().any(|r| r.role.kind == "CUSTOM") {
                warnings.push(
                    "custom roles are not evaluated: the rights they give are not counted".into(),
                );
            }
            if !strict && !excess.is_empty() {
                warnings.push(format!(
                    "the credential also holds roles these jobs do not need: {} (--strict fails on this)",
                    excess.join(", ")
                ));
            }
        }
        None if strict => {
            warnings.push("excess roles cannot be seen while the roles are unreadable".into())
        }
        None => {}
    }
}
