//! `user list`: users by status, name prefix, search expression or group,
//! streamed through all pages.

use clap::{Args, ValueEnum};

use super::UserView;
use crate::context::Context;
use crate::error::Result;
use crate::okta::models::User;
use crate::okta::paths::quoted;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Staged,
    Provisioned,
    Active,
    Recovery,
    LockedOut,
    PasswordExpired,
    Suspended,
    Deprovisioned,
}

impl Status {
    fn okta(self) -> &'static str {
        match self {
            Status::Staged => "STAGED",
            Status::Provisioned => "PROVISIONED",
            Status::Active => "ACTIVE",
            Status::Recovery => "RECOVERY",
            Status::LockedOut => "LOCKED_OUT",
            Status::PasswordExpired => "PASSWORD_EXPIRED",
            Status::Suspended => "SUSPENDED",
            Status::Deprovisioned => "DEPROVISIONED",
        }
    }
}

/// List users, streamed through all pages
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl user list --status LOCKED_OUT\n  oktactl user list --query jan -o csv\n  oktactl user list --group Engineering -o json\n  oktactl user list --search 'profile.department eq \"Sales\"'"
)]
pub struct ListArgs {
    /// Only users with this status (DEPROVISIONED users appear only when asked for)
    #[arg(long, value_enum, ignore_case = true)]
    pub status: Option<Status>,
    /// Prefix of first name, last name, email or login
    #[arg(long, value_name = "PREFIX")]
    pub query: Option<String>,
    /// An Okta search expression, e.g. 'profile.department eq "Sales"'
    #[arg(long, value_name = "EXPR", conflicts_with = "group")]
    pub search: Option<String>,
    /// Only members of this group (id or exact name)
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
}

pub fn run(ctx: &Context, args: ListArgs) -> Result<()> {
    let client = ctx.client()?;
    let status = args.status.map(Status::okta);
    let query = args
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    if let Some(g) = &args.group {
        // Members have no server-side search: filter while streaming.
        let group = client.find_group(g)?;
        let url = client.api_query(&["groups", &group.id, "users"], &[("limit", "200")])?;
        let wanted = move |u: &User| {
            let status_ok = match status {
                Some(s) => u.status == s,
                None => u.status != "DEPROVISIONED",
            };
            status_ok && query.is_none_or(|q| matches_prefix(u, q))
        };
        let items = client
            .pages::<User>(url)
            .filter(|r| r.as_ref().map_or(true, &wanted))
            .map(|r| r.map(UserView::from));
        ctx.out.list(items)?;
        return Ok(());
    }
    let mut parts = Vec::new();
    if let Some(q) = query {
        let q = quoted(q);
        parts.push(format!(
            "(profile.firstName sw {q} or profile.lastName sw {q} or profile.email sw {q} or profile.login sw {q})"
        ));
    }
    if let Some(expr) = args
        .search
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        parts.push(format!("({expr})"));
    }
    match status {
        Some(s) => parts.insert(0, format!("status eq {}", quoted(s))),
        // `search` includes DEPROVISIONED users; the plain list does not.
        None if !parts.is_empty() => parts.insert(
            0,
            r#"(status lt "DEPROVISIONED" or status gt "DEPROVISIONED")"#.to_string(),
        ),
        None => {}
    }
    let mut query_params = vec![("limit", "200".to_string())];
    if !parts.is_empty() {
        query_params.push(("search", parts.join(" and ")));
    }
    let pairs: Vec<(&str, &str)> = query_params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let url = client.api_query(&["users"], &pairs)?;
    let items = client.pages::<User>(url).map(|r| r.map(UserView::from));
    ctx.out.list(items).map_err(|e| {
        if e.kind == crate::error::Kind::Usage {
            e.hint("check the --search expression: https://developer.okta.com/docs/reference/core-okta-api/#filter")
        } else {
            e
        }
    })?;
    Ok(())
}

fn matches_prefix(u: &User, q: &str) -> bool {
    let q = q.to_lowercase();
    let p = &u.profile;
    [&p.first_name, &p.last_name, &p.email, &p.login]
        .into_iter()
        .flatten()
        .any(|v| v.to_lowercase().starts_with(&q))
}
