//! The read tools, each a thin call into the engine its command uses.
//! Blocking (the Okta client): they run in `spawn_blocking`.

use clap::ValueEnum;
use indicatif::ProgressBar;
use serde_json::json;

use super::args::Args;
use super::catalog::Name;
use super::reply::Done;
use super::State;
use crate::commands::check_perms::{self, CheckPermsArgs};
use crate::commands::expiring::{self, ExpiringArgs};
use crate::commands::lockouts;
use crate::commands::log::{self, EventKind, EventView};
use crate::commands::user::UserView;
use crate::commands::whoami;
use crate::error::{Error, Kind, Result};
use crate::okta::users::{ambiguous, Found};
use crate::perms::{needs_role, Jobs, REPORTS};

pub fn call(state: &State, name: Name, args: Args) -> Result<Done> {
    match name {
        Name::Whoami => {
            args.finish()?;
            let id = whoami::identity(state.ctx.client()?)?;
            Done::new(&id, id.summary())
        }
        Name::CheckPerms => check_perms(state, args),
        Name::FindUser => find_user(state, args),
        Name::UserLog => user_log(state, args),
        Name::Lockouts => lockouts(state, args),
        Name::Expiring => expiring(state, args),
        _ => Err(Error::failed("not a read tool")),
    }
}

fn choice<T: ValueEnum>(args: &mut Args, name: &'static str, default: T) -> Result<T> {
    match args.text(name)? {
        None => Ok(default),
        Some(s) => T::from_str(&s, true).map_err(|_| {
            let names: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect();
            Error::usage(format!(
                "argument '{name}' must be one of {}, not '{s}'",
                names.join(", ")
            ))
        }),
    }
}

fn check_perms(state: &State, mut args: Args) -> Result<Done> {
    let a = CheckPermsArgs {
        jobs: choice(&mut args, "for", Jobs::All)?,
        group: args.texts("group", 20)?,
        strict: args.flag("strict")?,
        subject: None,
    };
    args.finish()?;
    let report = check_perms::evaluate(&state.ctx, &a)?;
    Done::new(&report, report.summary())
}

fn find_user(state: &State, mut args: Args) -> Result<Done> {
    let who = args.required("user")?;
    args.finish()?;
    let found = state.ctx.client()?.find_user(&who).map_err(|e| match e.kind {
        Kind::NotFound => Error::not_found(e.message).hint(
            "check the spelling: find_user takes an Okta id (00u…), a full login, or an email address",
        ),
        _ => e,
    })?;
    let (ambiguous, users) = match found {
        Found::One(u) => (false, vec![UserView::from(*u)]),
        Found::Many(users) => (true, users.into_iter().map(UserView::from).collect()),
    };
    let summary = match users.as_slice() {
        [u] => format!("{} ({}), {}, id {}", u.name, u.login, u.status, u.id),
        many => format!(
            "'{who}' matches {} users; ask which one is meant and use that user's id",
            many.len()
        ),
    };
    Done::new(&json!({"ambiguous": ambiguous, "users": users}), summary)
}

fn user_log(state: &State, mut args: Args) -> Result<Done> {
    let who = args.required("user")?;
    let since = match args.text("since")? {
        Some(s) => {
            log::parse_duration(&s).map_err(|e| Error::usage(format!("argument 'since': {e}")))?
        }
        None => jiff::SignedDuration::from_hours(24),
    };
    let kind = choice(&mut args, "type", EventKind::All)?;
    let limit = args.limit(50)?;
    args.finish()?;
    let client = state.ctx.client()?;
    let user = match client.find_user(&who).map_err(|e| needs_role(e, REPORTS))? {
        Found::One(u) => *u,
        Found::Many(users) => return Err(ambiguous(&who, &users)),
    };
    // One more than asked: whether there were more.
    let mut listed: Vec<EventView> = log::recent(client, &user.id, kind, since, limit + 1)?;
    let truncated = listed.len() > limit;
    listed.truncate(limit);
    let summary = format!(
        "{} event(s) for {} in the last {}{}",
        listed.len(),
        user.login(),
        human(since),
        if truncated {
            " (more: narrow since or type, or raise limit)"
        } else {
            ""
        }
    );
    let value =
        json!({"user_id": user.id, "user": user.login(), "events": listed, "truncated": truncated});
    Done::new(&value, summary)
}

fn lockouts(state: &State, mut args: Args) -> Result<Done> {
    let since = match args.text("since")? {
        Some(s) => {
            log::parse_duration(&s).map_err(|e| Error::usage(format!("argument 'since': {e}")))?
        }
        None => jiff::SignedDuration::from_hours(24),
    };
    let all = args.flag("all")?;
    let limit = args.limit(50)?;
    args.finish()?;
    let found = lockouts::find(state.ctx.client()?, &lockouts::Query { since, all })
        .map_err(|e| needs_role(e, REPORTS))?;
    let total = found.lockouts.len();
    let still = found.lockouts.iter().filter(|l| l.still_locked).count();
    let rows: Vec<&lockouts::Lockout> = found.lockouts.iter().take(limit).collect();
    let summary = format!(
        "{still} user(s) locked out now{} in the last {} ({} event(s) read){}",
        if all {
            format!(", {} listed", total)
        } else {
            String::new()
        },
        human(since),
        found.events,
        if total > limit {
            format!("; the oldest {limit} shown")
        } else {
            String::new()
        }
    );
    let value = json!({"lockouts": rows, "total": total, "truncated": total > limit,
                       "notes": found.notes, "events_read": found.events});
    Done::new(&value, summary)
}

fn expiring(state: &State, mut args: Args) -> Result<Done> {
    let a = ExpiringArgs {
        within: args
            .number("within_days", 0, 365)?
            .map_or(14, |n| u32::try_from(n).unwrap_or(365)),
        group: args.text("group")?,
        include_expired: args.flag("include_expired")?,
    };
    let limit = args.limit(50)?;
    args.finish()?;
    let found = expiring::collect(&state.ctx, &a, &ProgressBar::hidden())?;
    let summary = found.summary(&a);
    let total = found.rows.len();
    let users: Vec<&expiring::Expiring> = found.rows.iter().take(limit).collect();
    let value =
        json!({"users": users, "total": total, "truncated": total > limit, "summary": summary});
    Done::new(&value, summary)
}

/// "24h" back from a span.
fn human(d: jiff::SignedDuration) -> String {
    let s = d.as_secs();
    match s {
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}
