//! A role as `whoami` and `check-perms` show it: type, label, how it is
//! assigned, and what it reaches.

use serde::Serialize;

use crate::okta::roles::{GroupRef, ScopedRole};

#[derive(Debug, Serialize)]
pub struct Named {
    pub id: Option<String>,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct Targets {
    pub groups: Vec<Named>,
    pub apps: Vec<Named>,
}

/// A role as shown: `scope` is `all` (unscoped), `targets` or `n/a`;
/// `via_group` the group a group-held role comes through (else null).
#[derive(Debug, Serialize)]
pub struct RoleView {
    #[serde(rename = "type")]
    pub kind: String,
    pub label: String,
    pub assignment_type: String,
    pub via_group: Option<GroupRef>,
    pub scope: &'static str,
    pub targets: Targets,
}

impl From<&ScopedRole> for RoleView {
    fn from(r: &ScopedRole) -> RoleView {
        let groups: Vec<Named> = r
            .groups
            .iter()
            .map(|g| Named {
                id: Some(g.id.clone()),
                name: g.profile.name.clone(),
            })
            .collect();
        let apps: Vec<Named> = r
            .apps
            .iter()
            .map(|a| Named {
                id: a.id.clone(),
                name: a
                    .label
                    .clone()
                    .or_else(|| a.display_name.clone())
                    .unwrap_or_else(|| a.name.clone()),
            })
            .collect();
        let scope = match (r.scopable(), groups.is_empty() && apps.is_empty()) {
            (false, _) => "n/a",
            (true, true) => "all",
            (true, false) => "targets",
        };
        RoleView {
            kind: r.role.kind.clone(),
            label: r.role.label.clone(),
            assignment_type: r
                .role
                .assignment_type
                .clone()
                .unwrap_or_else(|| "USER".into()),
            via_group: r.via_group.clone(),
            scope,
            targets: Targets { groups, apps },
        }
    }
}

impl RoleView {
    /// "USER", "CLIENT", or "GROUP (Helpdesk)" naming the group.
    pub fn assigned_text(&self) -> String {
        match &self.via_group {
            Some(g) => format!("{} ({})", self.assignment_type, g.name),
            None => self.assignment_type.clone(),
        }
    }

    pub fn scope_text(&self) -> String {
        match self.scope {
            "all" if self.kind == "APP_ADMIN" => "all apps".into(),
            "all" => "all groups".into(),
            "targets" => {
                let names: Vec<&str> = self
                    .targets
                    .groups
                    .iter()
                    .chain(&self.targets.apps)
                    .map(|n| n.name.as_str())
                    .collect();
                names.join(", ")
            }
            _ => "-".into(),
        }
    }
}
