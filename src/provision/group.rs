//! The group a membership change acts on: `--group` by id or exact name,
//! or `--app`, the Okta group assigned to the app (a picker when several,
//! marking those the token's roles cannot change).

use clap::Args;

use super::denied::{outside_reason, token_roles};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::gate::confirm_cancelled;
use crate::okta::apps::App;
use crate::okta::models::Group;
use crate::okta::Client;

/// The group: by name or id, or through the app it provisions.
#[derive(Debug, Clone, Args)]
pub struct GroupArgs {
    /// The group: an id (00g…) or exact name
    #[arg(
        long,
        value_name = "GROUP",
        required_unless_present = "app",
        conflicts_with = "app"
    )]
    pub group: Option<String>,
    /// The app: an id (0oa…) or exact label; its Okta group is the one changed
    #[arg(long, value_name = "APP")]
    pub app: Option<String>,
}

/// The group the arguments name.
pub fn pick_group(ctx: &Context, args: &GroupArgs) -> Result<Group> {
    let client = ctx.client()?;
    match (&args.group, &args.app) {
        (Some(g), _) => client.find_group_or(g, &|| app_instead(client, g)),
        (None, Some(a)) => group_for_app(ctx, client, a),
        (None, None) => Err(Error::usage("pass --group GROUP or --app APP")),
    }
}

pub fn check_changeable(client: &Client, group: &Group) -> Result<()> {
    let name = &group.profile.name;
    let why = match group.kind.as_str() {
        "OKTA_GROUP" => return Ok(()),
        "APP_GROUP" => {
            let source = match group.source_app() {
                Some(id) => match client
                    .api(&["apps", &id])
                    .and_then(|u| client.get::<App>(u))
                {
                    Ok(app) => format!("the app '{}' ({id})", app.label),
                    Err(_) => format!("the app {id}"),
                },
                None => "a directory or app".to_string(),
            };
            format!("its members are imported from {source} (an APP_GROUP), so they are managed there, not in Okta")
        }
        "BUILT_IN" => {
            "it is a BUILT_IN group (Everyone): Okta itself manages its members".to_string()
        }
        other => format!("it is a {other} group, not an OKTA_GROUP"),
    };
    Err(Error::usage(format!(
        "group '{name}' ({}) cannot be changed here: {why}",
        group.id
    ))
    .hint("only OKTA_GROUP memberships can be changed; pick the Okta group assigned to the app instead"))
}
/// "'Figma Users' (00g…), which provisions Figma, Miro", or why that is unknown.
pub fn describe(client: &Client, group: &Group) -> String {
    let name = format!("'{}' ({})", group.profile.name, group.id);
    match client.group_apps(&group.id) {
        Ok(apps) if apps.is_empty() => format!("{name}, which provisions no apps"),
        Ok(apps) => {
            let labels: Vec<&str> = apps.iter().map(|a| a.label.as_str()).collect();
            format!("{name}, which provisions {}", labels.join(", "))
        }
        Err(e) => format!(
            "{name} (which apps it provisions is unknown: {})",
            e.message
        ),
    }
}

/// No group has that name, but an app has that label (or starts so):
/// `--app` is what was meant. One prefix search of the apps, only then.
fn app_instead(client: &Client, what: &str) -> Option<String> {
    let labels = client.apps_like(what);
    let label = labels.first()?;
    let quote = if label.contains(char::is_whitespace) {
        format!("'{label}'")
    } else {
        label.clone()
    };
    Some(format!(
        "did you mean --app {quote}? An app has that label; the Okta group assigned to it is the one changed"
    ))
}

/// A 403 while resolving `--app`: App Admin is needed to read apps.
fn app_role(e: Error) -> Error {
    if e.kind != Kind::Permission {
        return e;
    }
    e.why("resolving --app needs App Admin (APP_ADMIN); pass --group instead, or see `oktactl check-perms --for provisioning`")
}

/// The one `OKTA_GROUP` assigned to the app; several → a picker at a
/// terminal, else exit 3 naming them.
fn group_for_app(ctx: &Context, client: &Client, what: &str) -> Result<Group> {
    let app = client.find_app(what).map_err(app_role)?;
    let groups = client.app_groups(&app.id).map_err(app_role)?;
    let label = format!("'{}' ({})", app.label, app.id);
    let (okta, other): (Vec<Group>, Vec<Group>) =
        groups.into_iter().partition(|g| g.kind == "OKTA_GROUP");
    match okta.len() {
        0 => {
            let mut e = Error::not_found(format!(
                "app {label} is not assigned through an Okta group, so it cannot be granted by group membership"
            ));
            for g in &other {
                e = e.hint(format!(
                    "assigned through {} '{}' ({}), managed outside Okta",
                    g.kind, g.profile.name, g.id
                ));
            }
            Err(e.hint("assign the app to an Okta group in the Admin Console, then pass that group with --group"))
        }
        1 => Ok(okta.into_iter().next().unwrap_or_default()),
        n if ctx.out.term.interactive() && !ctx.change().yes => {
            // Mark the groups the token's roles (when readable) cannot change.
            let roles = token_roles(client);
            let rows: Vec<Vec<String>> = okta
                .iter()
                .map(|g| {
                    let mark = roles
                        .as_deref()
                        .and_then(|r| outside_reason(r, &g.id))
                        .map(|why| format!("({why})"))
                        .unwrap_or_default();
                    vec![g.profile.name.clone(), g.id.clone(), mark]
                })
                .collect();
            let pick = ctx.pick(
                &format!("app {label} is assigned to {n} Okta groups; pick one"),
                &rows,
            )?;
            pick.and_then(|i| okta.get(i).cloned())
                .ok_or_else(confirm_cancelled)
        }
        n => {
            let mut e = Error::not_found(format!("app {label} is assigned to {n} Okta groups"));
            for g in &okta {
                e = e.hint(format!("candidate: --group {}  ({})", g.id, g.profile.name));
            }
            Err(e.hint("pass the group to use with --group"))
        }
    }
}
