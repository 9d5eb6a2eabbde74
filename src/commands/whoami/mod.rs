//! `whoami`: the account the credential acts as and its admin roles with
//! their targets; a service app is shown by `app`.

mod app;

use clap::Args;
use serde::Serialize;

use crate::commands::shared::roles::RoleView;
use crate::context::Context;
use crate::error::{Kind, Result};
use crate::okta::models::User;
use crate::okta::Client;
use crate::output::{Format, Tabular};

/// Show the credential's account (or service app, with its scopes) and its admin roles
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl whoami
  oktactl whoami --profile auditor -o json")]
pub struct WhoamiArgs {}

/// What `whoami` shows: the credential's account, or its service app.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Identity {
    User(WhoAmI),
    App(app::AppIdentity),
}

impl Identity {
    /// One line: "jane@acme.com (00u…), 2 admin roles".
    pub fn summary(&self) -> String {
        let (who, roles) = match self {
            Identity::User(u) => (format!("{} ({})", u.login, u.id), &u.roles),
            Identity::App(a) => (format!("service app {}", a.client_id), &a.roles),
        };
        match roles {
            Some(r) => format!("{who}, {} admin role(s)", r.len()),
            None => format!("{who}; Okta does not show its admin roles"),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct WhoAmI {
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

/// The credential's account and its roles (read only, nothing printed).
pub fn identity(client: &Client) -> Result<Identity> {
    if let Some(session) = client.oauth() {
        return app::identity(client, session).map(Identity::App);
    }
    let me: User = client.get(client.api(&["users", "me"])?)?;
    let roles = client.user_roles(&me.id);
    let (roles, roles_error) = match roles {
        Ok(r) => (Some(r.iter().map(RoleView::from).collect::<Vec<_>>()), None),
        Err(e) if e.kind == Kind::Permission => (None, Some(e.message.clone())),
        Err(e) => return Err(e.context("listing the account's admin roles")),
    };
    Ok(Identity::User(WhoAmI {
        id: me.id.clone(),
        login: me.login().to_string(),
        name: me.name(),
        status: me.status.clone(),
        roles,
        roles_error,
    }))
}

pub fn run(ctx: &Context, _args: WhoamiArgs) -> Result<()> {
    let view = match identity(ctx.client()?)? {
        Identity::App(app) => return app::print(ctx, &app),
        Identity::User(view) => view,
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
                                r.assigned_text(),
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
            "via_group",
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
            self.role
                .via_group
                .as_ref()
                .map(|g| g.name.clone())
                .unwrap_or_default(),
        ]
    }
}
