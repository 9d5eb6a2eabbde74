//! An admin's roles and what each is scoped to.

use super::models::{AppTarget, Group, Role};
use super::Client;
use crate::error::Result;

/// Role types that can be limited to groups.
pub const GROUP_SCOPABLE: &[&str] = &["USER_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN"];

/// A role with its targets; empty targets on a scopable role mean "all".
#[derive(Debug, Clone)]
pub struct ScopedRole {
    pub role: Role,
    pub groups: Vec<Group>,
    pub apps: Vec<AppTarget>,
}

impl ScopedRole {
    pub fn scopable(&self) -> bool {
        GROUP_SCOPABLE.contains(&self.role.kind.as_str()) || self.role.kind == "APP_ADMIN"
    }
}

impl Client {
    /// The user's roles, direct and through groups (`assignmentType: GROUP`).
    pub fn roles_of(&self, user_id: &str) -> Result<Vec<Role>> {
        self.pages(self.api(&["users", user_id, "roles"])?)
            .collect()
    }

    /// Fill in the group or app targets of each scopable role.
    pub fn with_targets(&self, user_id: &str, roles: Vec<Role>) -> Result<Vec<ScopedRole>> {
        roles
            .into_iter()
            .map(|role| {
                let (mut groups, mut apps) = (Vec::new(), Vec::new());
                let base: Vec<String> = match role.assignee_group() {
                    Some(g) if role.assignment_type.as_deref() == Some("GROUP") => {
                        vec![
                            "groups".into(),
                            g,
                            "roles".into(),
                            role.id.clone(),
                            "targets".into(),
                        ]
                    }
                    _ => vec![
                        "users".into(),
                        user_id.into(),
                        "roles".into(),
                        role.id.clone(),
                        "targets".into(),
                    ],
                };
                let mut segs: Vec<&str> = base.iter().map(String::as_str).collect();
                if GROUP_SCOPABLE.contains(&role.kind.as_str()) {
                    segs.push("groups");
                    groups = self
                        .pages(self.api_query(&segs, &[("limit", "200")])?)
                        .collect::<Result<_>>()?;
                } else if role.kind == "APP_ADMIN" {
                    segs.extend(["catalog", "apps"]);
                    apps = self
                        .pages(self.api_query(&segs, &[("limit", "200")])?)
                        .collect::<Result<_>>()?;
                }
                Ok(ScopedRole { role, groups, apps })
            })
            .collect()
    }

    /// The admin roles assigned to an OAuth service app, with their targets
    /// (`/oauth2/v1/clients/{clientId}/roles`).
    pub fn roles_of_client(&self, client_id: &str) -> Result<Vec<ScopedRole>> {
        let roles: Vec<Role> = self
            .pages(self.oauth2(&["clients", client_id, "roles"], &[])?)
            .collect::<Result<_>>()?;
        roles
            .into_iter()
            .map(|role| {
                let (mut groups, mut apps) = (Vec::new(), Vec::new());
                let mut segs = vec!["clients", client_id, "roles", role.id.as_str(), "targets"];
                let limit = [("limit", "200")];
                if GROUP_SCOPABLE.contains(&role.kind.as_str()) {
                    segs.push("groups");
                    groups = self
                        .pages(self.oauth2(&segs, &limit)?)
                        .collect::<Result<_>>()?;
                } else if role.kind == "APP_ADMIN" {
                    segs.extend(["catalog", "apps"]);
                    apps = self
                        .pages(self.oauth2(&segs, &limit)?)
                        .collect::<Result<_>>()?;
                }
                Ok(ScopedRole { role, groups, apps })
            })
            .collect()
    }
}
