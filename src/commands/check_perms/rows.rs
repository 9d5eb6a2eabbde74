//! The rows of the report: each needed right, met by roles or by probes.

use serde::Serialize;

use super::probe::Probe;
use crate::okta::roles::{GroupRef, ScopedRole};
use crate::output::Tabular;
use crate::perms::{self, Outcome, Right};

/// One row of the report: a needed right, an excess role or a checked group.
#[derive(Debug, Serialize)]
pub struct Check {
    pub right: String,
    pub description: String,
    pub result: &'static str,
    /// The role types that give it ("HELP_DESK_ADMIN, USER_ADMIN").
    pub role: Option<String>,
    /// The group the right rests on when every role giving it is held
    /// through a group (the first such group).
    pub via_group: Option<GroupRef>,
    pub scope: Option<String>,
    /// `role`, `probe`, or null when not given.
    pub proven_by: Option<&'static str>,
    pub fix: Option<String>,
    /// The roles as the table shows them: "HELP_DESK_ADMIN (via group Helpdesk)".
    #[serde(skip)]
    pub role_text: Option<String>,
}

impl Tabular for Check {
    fn columns() -> Vec<&'static str> {
        vec!["check", "result", "role", "scope", "proven_by", "fix"]
    }
    fn row(&self) -> Vec<String> {
        // Null is an empty cell: `-` in a table, empty in CSV.
        let dash = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.right.clone(),
            self.result.to_string(),
            dash(if self.role_text.is_some() {
                &self.role_text
            } else {
                &self.role
            }),
            dash(&self.scope),
            self.proven_by.unwrap_or_default().to_string(),
            dash(&self.fix),
        ]
    }
    fn table_columns() -> Vec<&'static str> {
        vec!["check", "result", "role", "scope", "fix"]
    }
}

impl Check {
    /// Name the roles that give the row's right.
    pub fn given_by(&mut self, roles: &[&ScopedRole]) {
        self.role = Some(perms::kinds(roles));
        self.role_text = Some(perms::names(roles));
        self.via_group = perms::via_group(roles);
    }
}

pub fn by_roles(required: &[&'static Right], roles: &[ScopedRole], strict: bool) -> Vec<Check> {
    required
        .iter()
        .map(|right| {
            let mut c = check(right);
            match perms::evaluate(right, roles) {
                Outcome::Pass(by) => {
                    c.result = "PASS";
                    c.given_by(&by);
                    c.scope = Some(perms::scope_text(right, roles));
                    c.proven_by = Some("role");
                }
                Outcome::OrgWide(by) => {
                    c.result = if strict { "EXCESS" } else { "PASS" };
                    c.given_by(&by);
                    c.scope = Some("whole org".into());
                    c.proven_by = Some("role");
                    if strict {
                        c.fix = Some(format!("{} instead of {}", right.fix, perms::kinds(&by)));
                    }
                }
                Outcome::Fail => c.fix = Some(right.fix.to_string()),
            }
            c
        })
        .collect()
}

/// Rows proven (or not) by read-only probes; `who` names the account an
/// auditor can check with `--subject`.
pub fn by_probes(required: &[&'static Right], probes: &[Probe], who: &str) -> Vec<Check> {
    required
        .iter()
        .map(|right| {
            let mut c = check(right);
            let probe = right.probe.and_then(|k| probes.iter().find(|p| p.key == k));
            match probe {
                Some(p) if p.ok => {
                    c.result = "PASS";
                    c.role = Some(format!("unknown (probe: {})", p.request));
                    c.proven_by = Some("probe");
                }
                Some(p) => {
                    c.fix = Some(format!("Okta refused {}: {}", p.request, right.fix));
                }
                None => {
                    c.fix = Some(format!(
                        "a read-only probe cannot prove this write right: have an auditor (a Super Admin) run `oktactl check-perms --subject {who}`; if it fails there too: {}",
                        right.fix
                    ));
                }
            }
            c
        })
        .collect()
}

pub fn check(right: &Right) -> Check {
    Check {
        right: right.key.to_string(),
        description: right.what.to_string(),
        result: "FAIL",
        role: None,
        via_group: None,
        scope: None,
        proven_by: None,
        fix: None,
        role_text: None,
    }
}
