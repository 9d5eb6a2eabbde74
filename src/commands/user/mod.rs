//! `user show`, `user list`, and the user view both print.

mod list;
mod show;

use clap::Subcommand;
use serde::Serialize;

use crate::context::Context;
use crate::error::Result;
use crate::okta::models::{Factor, Group, User};
use crate::output::{or_dash, Fit, Tabular};

/// Identify and list employees
#[derive(Debug, Subcommand)]
#[command(after_help = "Examples:
  oktactl user show jane.doe@acme.com
  oktactl user list --status LOCKED_OUT")]
pub enum UserCommand {
    Show(show::ShowArgs),
    List(list::ListArgs),
}

pub fn run(ctx: &Context, command: UserCommand) -> Result<()> {
    match command {
        UserCommand::Show(a) => show::run(ctx, a),
        UserCommand::List(a) => list::run(ctx, a),
    }
}

#[derive(Debug, Serialize)]
pub struct GroupView {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
}

impl From<Group> for GroupView {
    fn from(g: Group) -> Self {
        GroupView {
            id: g.id,
            name: g.profile.name,
            kind: g.kind,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct FactorView {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub provider: String,
    pub status: String,
}

impl From<Factor> for FactorView {
    fn from(f: Factor) -> Self {
        FactorView {
            id: f.id,
            kind: f.factor_type,
            provider: f.provider,
            status: f.status,
        }
    }
}

/// A user as printed by `user show` and `user list`.
#[derive(Debug, Serialize)]
pub struct UserView {
    pub id: String,
    pub login: String,
    pub email: Option<String>,
    pub name: String,
    pub status: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub manager: Option<String>,
    pub created: Option<String>,
    pub last_login: Option<String>,
    pub password_changed: Option<String>,
    pub password_expires: Option<String>,
    pub status_changed: Option<String>,
    /// Where the password lives: Okta's `credentials.provider.type`
    /// (`OKTA`, `ACTIVE_DIRECTORY`, `LDAP`, `FEDERATION`, `SOCIAL`, `IMPORT`).
    pub password_source: Option<String>,
    /// Absent unless asked for; `null` when asked for but unreadable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Option<Vec<GroupView>>>,
    /// Absent unless asked for; `null` when asked for but unreadable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factors: Option<Option<Vec<FactorView>>>,
}

impl From<User> for UserView {
    fn from(u: User) -> Self {
        let source = u
            .credentials
            .as_ref()
            .and_then(|c| c.provider.as_ref())
            .and_then(|p| p.kind.clone());
        UserView {
            login: u.login().to_string(),
            name: u.name(),
            id: u.id,
            email: u.profile.email,
            status: u.status,
            title: u.profile.title,
            department: u.profile.department,
            manager: u.profile.manager,
            created: u.created,
            last_login: u.last_login,
            password_changed: u.password_changed,
            password_expires: None,
            status_changed: u.status_changed,
            password_source: source,
            groups: None,
            factors: None,
        }
    }
}

impl Tabular for UserView {
    fn columns() -> Vec<&'static str> {
        vec![
            "id",
            "login",
            "email",
            "name",
            "status",
            "title",
            "department",
            "manager",
            "created",
            "last_login",
            "password_changed",
            "password_expires",
            "status_changed",
            "password_source",
        ]
    }
    fn row(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.login.clone(),
            or_dash(&self.email),
            self.name.clone(),
            self.status.clone(),
            or_dash(&self.title),
            or_dash(&self.department),
            or_dash(&self.manager),
            or_dash(&self.created),
            or_dash(&self.last_login),
            or_dash(&self.password_changed),
            or_dash(&self.password_expires),
            or_dash(&self.status_changed),
            or_dash(&self.password_source),
        ]
    }
    fn table_columns() -> Vec<&'static str> {
        vec!["id", "login", "name", "status", "department", "last_login"]
    }
    /// In a narrow terminal the id gives way first: the login names the user.
    fn fit(column: &str) -> Fit {
        match column {
            "id" => Fit::Optional,
            c => Fit::of(c),
        }
    }
}
