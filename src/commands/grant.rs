use std::path::PathBuf;

use clap::Args;

use crate::bulk::{self, BulkRow};
use crate::context::Context;
use crate::error::{Error, Kind, Result};
use crate::okta::models::Group;
use crate::okta::Client;
use crate::provision::pool::{self, Progress};
use crate::provision::{check_changeable, Change, Job};

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  oktactl grant jane.doe@acme.com --group 'Figma Users'
  oktactl grant jane.doe@acme.com --app Figma --ticket HD-1234
  oktactl grant --from new-hires.csv --group 00g1a2b3c4d5e6f7g8h9 -o json
  oktactl user list --query jane -o csv | oktactl grant --from - --group 'Figma Users'
  oktactl grant --from staff.txt --app Slack --concurrency 8 --max-errors 10")]
pub struct GrantArgs {
    /// User ids (00u…), logins or emails
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// The group to add them to: an id (00g…) or exact name
    #[arg(
        long,
        value_name = "GROUP",
        required_unless_present = "app",
        conflicts_with = "app"
    )]
    pub group: Option<String>,
    /// The app to give them: an id (0oa…) or exact label; they join the Okta group assigned to it
    #[arg(long, value_name = "APP")]
    pub app: Option<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// Input and pacing of the bulk membership commands.
#[derive(Debug, Args)]
pub struct BulkArgs {
    /// Also the users in FILE: one per line, or CSV with a login, email or id column; `-` reads stdin
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Rows worked on at once, sharing the org's rate limit
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=16))]
    pub concurrency: u8,
    /// Start no new row after N rows failed (the rest are reported failed, "skipped")
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_errors: Option<u32>,
}

/// Run a membership change for every target: one row in the main thread
/// (where a picker or confirmation can be shown), several in the pool.
pub fn change_all(
    ctx: &Context,
    change: Change,
    group: &Group,
    targets: &[String],
    args: &BulkArgs,
    single: Option<Result<crate::okta::models::User>>,
) -> Result<()> {
    let client = ctx.client()?;
    let command = if change == Change::Add {
        "grant"
    } else {
        "revoke"
    };
    let audit = if ctx.global.dry_run {
        None
    } else {
        Some(ctx.audit(command)?)
    };
    let progress = Progress::new(targets.len(), ctx.out.term.stderr, ctx.global.quiet);
    let job = Job::new(
        client,
        change,
        group,
        targets.len(),
        audit.as_ref(),
        &progress,
    )?;
    let rows = match single {
        Some(Ok(user)) => vec![job.resolved(&user)?],
        Some(Err(e)) => vec![BulkRow::failed(&targets.join(", "), None, e)],
        None => pool::run(
            targets,
            usize::from(args.concurrency),
            args.max_errors.map(|m| m as usize),
            &progress,
            |who| job.one(who),
        )?,
    };
    if rows.len() > 1 {
        ctx.out.status(&tally(&rows));
    }
    bulk::finish(ctx, rows)
}

/// "600 rows: 540 added, 60 already_member".
fn tally(rows: &[BulkRow]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for r in rows {
        match counts.iter_mut().find(|(k, _)| *k == r.result) {
            Some((_, n)) => *n += 1,
            None => counts.push((&r.result, 1)),
        }
    }
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    format!("{} rows: {}", rows.len(), parts.join(", "))
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

pub fn run(ctx: &Context, args: GrantArgs) -> Result<()> {
    let targets = bulk::read_targets(&args.users, args.bulk.from.as_deref())?;
    let client = ctx.client()?;
    let group = match (&args.group, &args.app) {
        (Some(g), _) => client.find_group(g)?,
        (None, Some(a)) => group_for_app(ctx, client, a)?,
        (None, None) => return Err(Error::usage("pass --group GROUP or --app APP")),
    };
    check_changeable(client, &group)?;
    let users = match targets.len() {
        1 => "1 user".to_string(),
        n => format!("{n} users"),
    };
    let prefix = if ctx.global.dry_run { "dry run: " } else { "" };
    ctx.out.status(&format!(
        "{prefix}adding {users} to {}",
        describe(client, &group)
    ));
    let single = (targets.len() == 1).then(|| ctx.resolve_user(&targets[0]));
    change_all(ctx, Change::Add, &group, &targets, &args.bulk, single)
}

/// A 403 while resolving `--app`: App Admin is needed to read apps.
fn app_role(e: Error) -> Error {
    if e.kind != Kind::Permission {
        return e;
    }
    e.hint("resolving --app needs App Admin (APP_ADMIN); pass --group instead, or see `oktactl check-perms --for provisioning`")
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
        n if ctx.out.term.interactive() && !ctx.global.yes => {
            let items: Vec<String> = okta
                .iter()
                .map(|g| format!("{}  {}", g.profile.name, g.id))
                .collect();
            let pick = dialoguer::Select::new()
                .with_prompt(format!(
                    "app {label} is assigned to {n} Okta groups; pick one"
                ))
                .items(&items)
                .default(0)
                .interact_opt()
                .map_err(|e| Error::usage(format!("cannot ask which group: {e}")))?;
            pick.and_then(|i| okta.get(i).cloned())
                .ok_or_else(|| Error::failed("cancelled; nothing was changed"))
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
