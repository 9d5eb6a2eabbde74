//! `user show USER`: one employee's status, last sign-in, password dates and
//! expiry, and on request their groups and MFA factors.
//!
//! Requests: the user, the user's groups (once: for `--groups` and for the
//! expiry, whose Everyone group is the user's BUILT_IN group), the password
//! policies with their rules; `--factors` adds one. The optional parts
//! (expiry, groups, factors) never fail the command: what cannot be read is
//! `null` in JSON, with a warning that says why.

use clap::Args;

use super::{FactorView, GroupView, UserView};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::gate::{password_home, since_label};
use crate::okta::models::{Factor, Group, User};
use crate::okta::policy::{expires_at, policy_for, Everyone, Policy};
use crate::okta::Client;
use crate::output::{or_dash, Format};

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
    let expiry_known = expiry_computable(&user);
    let groups = if args.groups || expiry_known {
        let listed: Result<Vec<Group>> = client
            .pages(client.api(&["users", &user.id, "groups"])?)
            .collect();
        match listed {
            Ok(g) => Some(g),
            Err(e) => {
                let what = match (args.groups, expiry_known) {
                    (true, true) => "the groups and the password expiry are",
                    (true, false) => "the groups are",
                    _ => "the password expiry is",
                };
                unknown(ctx, what, e.context("listing the user's groups"))?;
                None
            }
        }
    } else {
        None
    };
    let expires = match (&groups, expiry_known) {
        (Some(g), true) => match password_expiry(client, &user, g) {
            Ok(e) => e,
            Err(e) => {
                unknown(ctx, "the password expiry is", e)?;
                None
            }
        },
        _ => None,
    };
    let factors = if args.factors {
        let listed = client
            .api(&["users", &user.id, "factors"])
            .and_then(|url| client.get::<Vec<Factor>>(url));
        Some(match listed {
            Ok(list) => Some(list.into_iter().map(FactorView::from).collect()),
            Err(e) => {
                unknown(
                    ctx,
                    "the factors are",
                    e.context("listing the user's factors"),
                )?;
                None
            }
        })
    } else {
        None
    };
    let home = password_home(&user);
    let mut view = UserView::from(user);
    view.password_expires = expires;
    view.groups = args
        .groups
        .then(|| groups.map(|g| g.into_iter().map(GroupView::from).collect()));
    view.factors = factors;
    if ctx.out.format != Format::Table {
        return if ctx.out.format == Format::Json {
            ctx.out.json(&view)
        } else {
            ctx.out.one(&view)
        };
    }
    ctx.out.data(&ctx.out.card(card(&view, home)).to_string())?;
    match &view.groups {
        None => {}
        Some(None) => {
            ctx.out.data("")?;
            ctx.out.data("Groups: unknown (see the warning).")?;
        }
        Some(Some(groups)) => {
            let rows = groups
                .iter()
                .map(|g| vec![g.name.clone(), g.kind.clone(), g.id.clone()])
                .collect();
            ctx.out.data("")?;
            ctx.out
                .data(&ctx.out.table(&["group", "type", "id"], rows).to_string())?;
        }
    }
    match &view.factors {
        None => {}
        Some(None) => {
            ctx.out.data("")?;
            ctx.out.data("MFA factors: unknown (see the warning).")?;
        }
        Some(Some(factors)) if factors.is_empty() => {
            ctx.out.data("")?;
            ctx.out.data("No MFA factors enrolled.")?;
        }
        Some(Some(factors)) => {
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
            ctx.out.data("")?;
            ctx.out.data(
                &ctx.out
                    .table(&["factor", "provider", "status", "id"], rows)
                    .to_string(),
            )?;
        }
    }
    Ok(())
}

/// The card at a terminal: who, the status and since when ("locked since"
/// for a locked-out user), the dates, and where the password lives.
fn card(v: &UserView, password_home: String) -> Vec<Vec<String>> {
    let field = |k: &str, v: &Option<String>| vec![k.to_string(), or_dash(v)];
    vec![
        vec!["id".into(), v.id.clone()],
        vec!["login".into(), v.login.clone()],
        field("email", &v.email),
        vec!["name".into(), v.name.clone()],
        field("title", &v.title),
        vec!["status".into(), v.status.clone()],
        // A time, so its cell reads as one (`locked_since`, `status_changed`).
        field(&since_label(&v.status).replace(' ', "_"), &v.status_changed),
        field("department", &v.department),
        field("manager", &v.manager),
        field("created", &v.created),
        field("last_login", &v.last_login),
        field("password_changed", &v.password_changed),
        field("password_expires", &v.password_expires),
        vec!["password_source".into(), password_home],
    ]
}

/// An optional part could not be read: say so and go on (`null` in JSON).
/// An interrupt still ends the command.
fn unknown(ctx: &Context, what: &str, e: Error) -> Result<()> {
    if e.kind == Kind::Interrupted {
        return Err(e);
    }
    let why = match (e.kind, e.why.as_deref()) {
        (_, Some(why)) => format!(" ({why})"),
        (Kind::Permission, None) => " (the credential may not read it)".to_string(),
        _ => String::new(),
    };
    ctx.out.warn(&format!("{what} unknown: {}{why}", e.message));
    Ok(())
}

/// Whether an expiry can be computed at all: a password was set and the
/// directory (AD, LDAP) does not govern it.
fn expiry_computable(user: &User) -> bool {
    user.password_changed.is_some() && !matches!(user.provider_type(), "ACTIVE_DIRECTORY" | "LDAP")
}

/// When the password expires: `Some("never")` for a policy without expiry;
/// `None` when no policy applies. The Everyone group is the user's own
/// BUILT_IN group. Only when the user's groups show none (UNCONFIRMED
/// whether every credential sees Everyone there) and a policy includes a
/// group the user is not shown in, is Everyone looked up, once.
fn password_expiry(client: &Client, user: &User, groups: &[Group]) -> Result<Option<String>> {
    let Some(changed) = user.password_changed.as_deref() else {
        return Ok(None);
    };
    let everyone: Vec<String> = groups
        .iter()
        .filter(|g| g.kind == "BUILT_IN")
        .map(|g| g.id.clone())
        .collect();
    let mut policies = client
        .password_policies_with(Everyone::Ids(&everyone))
        .map_err(|e| {
            let denied = e.kind == Kind::Permission && e.why.is_none();
            let e = e.context("reading the password policies");
            if denied {
                e.why("reading them needs an admin role that may read policies (a service app also needs okta.policies.read)")
            } else {
                e
            }
        })?;
    let in_group = |g: &str| groups.iter().any(|x| x.id == g);
    let unsure = |p: &Policy| p.groups.iter().any(|g| !in_group(g));
    if everyone.is_empty() && policies.iter().any(unsure) {
        let everyone = client.built_in_group_ids()?;
        if everyone.is_empty() {
            return Err(
                Error::failed("the Everyone group is not visible to this credential")
                    .why("which password policy includes everyone cannot be told"),
            );
        }
        for p in &mut policies {
            p.everyone = p.groups.iter().any(|g| everyone.contains(g));
        }
    }
    let Some(policy) = policy_for(&policies, &user.id, user.provider_type(), &in_group) else {
        return Ok(None);
    };
    Ok(Some(match expires_at(changed, policy) {
        Some(t) => t.to_string(),
        None => "never".to_string(),
    }))
}
