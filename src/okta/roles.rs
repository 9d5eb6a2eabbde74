//! An admin's roles and what each is scoped to: a user's (direct and
//! through groups, each group named), a service app's, or the credential's own.

use std::collections::HashMap;

use serde::Serialize;

use super::models::{AppTarget, Group, Role, User};
use super::Client;
use crate::error::Result;

/// Role types that can be limited to groups.
pub const GROUP_SCOPABLE: &[&str] = &["USER_ADMIN", "HELP_DESK_ADMIN", "GROUP_MEMBERSHIP_ADMIN"];

/// A group named by id and name (the name falls back to the id when Okta
/// does not show the group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupRef {
    #[serde(deserialize_with = "crate::okta::models::okta_id")]
    pub id: String,
    pub name: String,
}

/// A role with its targets; empty targets on a scopable role mean "all".
#[derive(Debug, Clone, Default)]
pub struct ScopedRole {
    pub role: Role,
    pub groups: Vec<Group>,
    pub apps: Vec<AppTarget>,
    /// The group the role is held through (`assignmentType: GROUP`).
    pub via_group: Option<GroupRef>,
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

    /// A user's roles with their targets, each group-held role naming its group.
    pub fn user_roles(&self, user_id: &str) -> Result<Vec<ScopedRole>> {
        let roles = self.roles_of(user_id)?;
        self.with_targets(user_id, roles)
    }

    /// The credential's own roles: a service app's client roles, else those
    /// of the API token's admin account (`/users/me`).
    pub fn own_roles(&self) -> Result<Vec<ScopedRole>> {
        if let Some(session) = self.oauth() {
            return self.roles_of_client(session.client_id());
        }
        let me: User = self.get(self.api(&["users", "me"])?)?;
        self.user_roles(&me.id)
    }

    /// Fill in the group or app targets of each scopable role, and the
    /// group each group-held role comes through.
    pub fn with_targets(&self, user_id: &str, roles: Vec<Role>) -> Result<Vec<ScopedRole>> {
        let mut names: HashMap<String, String> = HashMap::new();
        roles
            .into_iter()
            .map(|role| {
                let holder = role
                    .assignee_group()
                    .filter(|_| role.assignment_type.as_deref() == Some("GROUP"));
                let base: Vec<String> = match &holder {
                    Some(g) => vec![
                        "groups".into(),
                        g.clone(),
                        "roles".into(),
                        role.id.clone(),
                        "targets".into(),
                    ],
                    None => vec![
                        "users".into(),
                        user_id.into(),
                        "roles".into(),
                        role.id.clone(),
                        "targets".into(),
                    ],
                };
                let segs: Vec<&str> = base.iter().map(String::as_str).collect();
                let (groups, apps) = self.targets(&segs, &role.kind, false)?;
                let via_group = holder.map(|id| {
                    let name = names
                        .entry(id.clone())
                        .or_insert_with(|| self.group_name(&id))
                        .clone();
                    GroupRef { id, name }
                });
                Ok(ScopedRole {
                    role,
                    groups,
                    apps,
                    via_group,
                })
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
                let segs = ["clients", client_id, "roles", role.id.as_str(), "targets"];
                let (groups, apps) = self.targets(&segs, &role.kind, true)?;
                Ok(ScopedRole {
                    role,
                    groups,
                    apps,
                    via_group: None,
                })
            })
            .collect()
    }

    /// The group or app targets below `…/targets` (under `/oauth2/v1` for a
    /// client, else `/api/v1`); none for a role that cannot be scoped.
    fn targets(
        &self,
        base: &[&str],
        kind: &str,
        client: bool,
    ) -> Result<(Vec<Group>, Vec<AppTarget>)> {
        let mut segs = base.to_vec();
        let limit = [("limit", "200")];
        let url = |segs: &[&str]| {
            if client {
                self.oauth2(segs, &limit)
            } else {
                self.api_query(segs, &limit)
            }
        };
        if GROUP_SCOPABLE.contains(&kind) {
            segs.push("groups");
            let groups = self.pages(url(&segs)?).collect::<Result<_>>()?;
            Ok((groups, Vec::new()))
        } else if kind == "APP_ADMIN" {
            segs.extend(["catalog", "apps"]);
            let apps = self.pages(url(&segs)?).collect::<Result<_>>()?;
            Ok((Vec::new(), apps))
        } else {
            Ok((Vec::new(), Vec::new()))
        }
    }

    /// A group's name, or its id when Okta does not show the group.
    fn group_name(&self, id: &str) -> String {
        self.api(&["groups", id])
            .and_then(|u| self.get::<Group>(u))
            .ok()
            .map(|g| g.profile.name)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| id.to_string())
    }
}
