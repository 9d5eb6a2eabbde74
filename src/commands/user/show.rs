//! `user show USER`: one employee's status, last sign-in, password dates and
//! expiry, and on request their groups and MFA factors.

use clap::Args;

use super::{FactorView, GroupView, UserView};
use crate::context::Context;
use crate::error::{Kind, Result};
use crate::okta::models::{Factor, Group, User};
use crate::okta::policy::{expires_at, policy_for};
use crate::okta::Client;
use crate::output::Format;

/// Identify an employee: status, last sign-in, password dates, groups, factors
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  oktactl user show jane.doe@acme.com\n  oktactl user show 00u1abcd --groups --factors -o json"
)]
pub struct ShowArgs {
    /// A user id (00u…), login or email
    pub user: String,
    /// Also list the user's groups
    #[arg(long)]
    pub groups: bool,
    /// Also list the user's enrolled MFA factors
    #[arg(long)]
    pub factors: bool,
}

pub fn run(ctx: &Context, args: ShowArgs) -> Result<()> {
    let client = ctx.client()?;
    let user = ctx.resolve_user(&args.user)?;
    let user_groups: Vec<Group> = client
        .pages(client.api(&["users", &user.id, "groups"])?)
        .collect::<Result<_>>()
        .map_err(|e| e.context("listing the user's groups"))?;
    let expires = match password_expiry(client, &user, &user_groups) {
        Ok(e) => e,
        Err(e) if e.kind == Kind::Permission => {
            ctx.out.warn("cannot read the password policies, so the expiry date is unknown (needs okta.policies.read)");
            None
        }
        Err(e) => return Err(e.context("reading the password policies")),
    };
    let factors = if args.factors {
        let list: Vec<Factor> = client
            .get(client.api(&["users", &user.id, "factors"])?)
            .map_err(|e| e.context("listing the user's factors"))?;
        Some(list.into_iter().map(FactorView::from).collect::<Vec<_>>())
    } else {
        None
    };
    let mut view = UserView::from(user);
    view.password_expires = expires;
    view.groups = args
        .groups
        .then(|| user_groups.into_iter().map(GroupView::from).collect());
    view.factors = factors;
    if ctx.out.format != Format::Table {
        return if ctx.out.format == Format::Json {
            ctx.out.json(&view)
        } else {
            ctx.out.one(&view)
        };
    }
    ctx.out.one(&view)?;
    if let Some(groups) = &view.groups {
        let rows = groups
            .iter()
            .map(|g| vec![g.name.clone(), g.kind.clone(), g.id.clone()])
            .collect();
        ctx.out.data("")?;
        ctx.out
            .data(&ctx.out.table(&["group", "type", "id"], rows).to_string())?;
    }
    if let Some(factors) = &view.factors {
        ctx.out.data("")?;
        if factors.is_empty() {
            ctx.out.data("No MFA factors enrolled.")?;
        } else {
            let rows = factors
                .iter()
                .map(|f| {
                    vec![
                        f.kind.clone(),
                        f.provider.clone(),
                        f.status.clone(),
                        f.id.clone(),
                    ]
                })
                .collect();
            ctx.out.data(
                &ctx.out
                    .table(&["factor", "provider", "status", "id"], rows)
                    .to_string(),
            )?;
        }
    }
    Ok(())
}

/// When the password expires: `Some("never")` for a policy without expiry;
/// `None` when unknown (no password, directory-sourced, no policy applies).
fn password_expiry(client: &Client, user: &User, groups: &[Group]) -> Result<Option<String>> {
    if matches!(user.provider_type(), "ACTIVE_DIRECTORY" | "LDAP") {
        return Ok(None);
    }
    let Some(changed) = user.password_changed.as_deref() else {
        return Ok(None);
    };
    let policies = client.password_policies()?;
    let in_group = |g: &str| groups.iter().any(|x| x.id == g);
    let Some(policy) = policy_for(&policies, &user.id, user.provider_type(), &in_group) else {
        return Ok(None);
    };
    Ok(Some(match expires_at(changed, policy) {
        Some(t) => t.to_string(),
        None => "never".to_string(),
    }))
}
