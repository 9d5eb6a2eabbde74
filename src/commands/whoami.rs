use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::error::{Kind, Result};
use crate::okta::models::User;
use crate::okta::roles::ScopedRole;
use crate::output::{Format, Tabular};

#[derive(Debug, Args)]
pub struct WhoamiArgs {}

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

/// A role as shown: `scope` is `all` (unscoped), `targets` or `n/a`.
#[derive(Debug, Serialize)]
pub struct RoleView {
    #[serde(rename = "type")]
    pub kind: String,
    pub label: String,
    pub assignment_type: String,
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
            scope,
            targets: Targets { groups, apps },
        }
    }
}

impl RoleView {
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

#[derive(Debug, Serialize)]
struct WhoAmI {
    id: String,
    login: String,
    name: String,
    status: String,
    roles: Option<Vec<RoleView>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles_error: Option<String>,
}

impl Tabular for WhoAmI {
    fn columns() -> Vec<&'static str> {
        vec!["id", "login", "name", "status"]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.login.clone(),
            self.name.clone(),
            self.status.clone(),
        ]
    }
}

pub fn run(ctx: &Context, _args: WhoamiArgs) -> Result<()> {
    let client = ctx.client()?;
    if let Some(session) = client.oauth() {
        return super::whoami_app::run(ctx, client, session);
    }
    let me: User = client.get(client.api(&["users", "me"])?)?;
    let roles = client
        .roles_of(&me.id)
        .and_then(|r| client.with_targets(&me.id, r));
    let (roles, roles_error) = match roles {
        Ok(r) => (Some(r.iter().map(RoleView::from).collect::<Vec<_>>()), None),
        Err(e) if e.kind == Kind::Permission => (None, Some(e.message.clone())),
        Err(e) => return Err(e.context("listing the account's admin roles")),
    };
    let view = WhoAmI {
        id: me.id.clone(),
        login: me.login().to_string(),
        name: me.name(),
        status: me.status.clone(),
        roles,
        roles_error,
    };
    if let Some(e) = &view.roles_error {
        ctx.out
            .warn(&format!("Okta refused to list this account's roles: {e}"));
    }
    match ctx.out.format {
        Format::Json => ctx.out.json(&view),
        Format::Csv => {
            let rows = view.roles.iter().flatten().map(|r| {
                Ok(RoleRow {
                    user: &view,
                    role: r,
                })
            });
            ctx.out.list(rows).map(|_| ())
        }
        Format::Table => {
            ctx.out.one(&view)?;
            match &view.roles {
                Some(roles) if !roles.is_empty() => {
                    let rows = roles
                        .iter()
                        .map(|r| {
                            vec![
                                r.kind.clone(),
                                r.label.clone(),
                                r.assignment_type.clone(),
                                r.scope_text(),
                            ]
                        })
                        .collect();
                    ctx.out.data("")?;
                    ctx.out.data(
                        &ctx.out
                            .table(&["role", "label", "assigned", "scope"], rows)
                            .to_string(),
                    )
                }
                Some(_) => {
                    ctx.out.status("This account holds no admin roles.");
                    Ok(())
                }
                None => Ok(()),
            }
        }
    }
}

#[derive(Serialize)]
struct RoleRow<'a> {
    #[serde(skip)]
    user: &'a WhoAmI,
    #[serde(skip)]
    role: &'a RoleView,
}

impl Tabular for RoleRow<'_> {
    fn columns() -> Vec<&'static str> {
        vec![
            "id",
            "login",
            "role_type",
            "role_label",
            "assignment_type",
            "scope",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.user.id.clone(),
            self.user.login.clone(),
            self.role.kind.clone(),
            self.role.label.clone(),
            self.role.assignment_type.clone(),
            self.role.scope_text(),
        ]
    }
}
