//! The lock-out finder, for `lockouts` and for `triage`: one filtered,
//! bounded System Log query, folded into one lock-out per user, joined with
//! the users' current status from batched searches (20 users a request).

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::fold::{fold, Locked};
use super::status::{current_users, Now};
use crate::error::{Error, Result};
use crate::okta::logs::{self, Location, LogEvent};
use crate::okta::models::User;
use crate::okta::Client;
use crate::perms::{needs_role, REPORTS};

/// Events read at most (5 pages of 1000), newest first.
pub const MAX_EVENTS: usize = 5000;
/// Empty pages in a row with a next link before the listing is a loop (as `log`).
const MAX_EMPTY_PAGES: u32 = 20;

/// The one filter: lock-outs, the unlocks that end them, and failed
/// sign-ins (to count those before each lock). `and` binds tighter than
/// `or` in Okta's grammar ([CORE] "Filter"); the parentheses say so too.
pub fn filter() -> String {
    format!(
        "{} or (eventType eq \"{}\" and outcome.result eq \"FAILURE\")",
        logs::types_filter(&LOCK_TYPES),
        logs::SESSION_START
    )
}

/// Lock-outs and unlocks only: sent when Okta refuses `filter()` (an
/// `or` of `eventType eq` is the simplest form its grammar documents).
pub fn simple_filter() -> String {
    logs::types_filter(&LOCK_TYPES)
}

const LOCK_TYPES: [&str; 5] = [
    logs::LOCK,
    logs::LOCK_LIMIT,
    logs::UNLOCK,
    logs::UNLOCK_BY_ADMIN,
    logs::UNLOCK_TOKEN,
];

/// What to look for.
#[derive(Debug, Clone, Copy)]
pub struct Query {
    /// How far back from now.
    pub since: SignedDuration,
    /// Also users unlocked since (else only those still locked).
    pub all: bool,
}

/// One user's lock-out. JSON of `lockouts`.
#[derive(Debug, Clone, Serialize)]
pub struct Lockout {
    pub user_id: String,
    pub login: Option<String>,
    pub name: Option<String>,
    /// The user's status now; null when it could not be read.
    pub status: Option<String>,
    /// The status says `LOCKED_OUT`; when it could not be read, the System
    /// Log shows no unlock after the lock.
    pub still_locked: bool,
    /// The lock event's `published` (RFC 3339 UTC).
    pub locked_at: String,
    pub event_type: String,
    /// Failed sign-ins before the lock, in the window; null when Okta
    /// refused the filter that reads them.
    pub failed_sign_ins: Option<u32>,
    pub client_ip: Option<String>,
    pub location: Option<Location>,
    pub user_agent: Option<String>,
    pub unlocked_at: Option<String>,
    pub unlock_event: Option<String>,
    pub unlocked_by: Option<String>,
    pub event_id: Option<String>,
    #[serde(skip)]
    pub at: Timestamp,
}

/// What the finder found, and what the caller should tell the user.
#[derive(Debug, Default)]
pub struct Findings {
    /// Oldest lock first: the order of the queue.
    pub lockouts: Vec<Lockout>,
    /// Warnings for stderr (the finder prints nothing).
    pub notes: Vec<String>,
    /// The filter that was answered.
    pub filter: String,
    pub events: usize,
}

/// Find who is locked out (with `all`: who was) in the last `q.since`.
/// Requests: one System Log query (a page per 1000 events, at most
/// `MAX_EVENTS`), then one search per 20 users; nothing is printed.
pub fn find(client: &Client, q: &Query) -> Result<Findings> {
    let until = Timestamp::from_second(Timestamp::now().as_second())
        .map_err(|e| Error::failed(format!("cannot read the clock: {e}")))?;
    let since = until
        .checked_sub(q.since)
        .map_err(|e| Error::usage(format!("--since reaches too far back: {e}")))?;
    let window = (since.to_string(), until.to_string());
    let mut found = Findings::default();
    let (events, filter, truncated) = match read(client, &window, filter()) {
        Err(e) if refused_filter(&e) => {
            // UNCONFIRMED whether Okta takes the `(… and …)` inside the `or`
            // (live-suite point `lockouts_filter`): without it, no counts.
            found.notes.push(format!(
                "Okta refused the filter with failed sign-ins ({}); lock-outs are listed without the count of failed sign-ins",
                e.error_code().unwrap_or("400")
            ));
            read(client, &window, simple_filter())?
        }
        other => other?,
    };
    let counted = filter == self::filter();
    if truncated {
        found.notes.push(format!(
            "read the newest {MAX_EVENTS} events of the window only; older lock-outs may be missing: narrow it with --since"
        ));
    }
    found.events = events.len();
    found.filter = filter;
    let locked: Vec<Locked> = fold(events)
        .into_iter()
        .filter(|l| q.all || l.unlocked.is_none())
        .collect();
    let current = current_users(client, &locked, &mut found.notes);
    for (lock, now) in locked.into_iter().zip(current) {
        let row = match now {
            Now::Gone => continue,
            Now::Known(user) => lockout(lock, Some(&user), counted),
            Now::Unknown => lockout(lock, None, counted),
        };
        if q.all || row.still_locked {
            found.lockouts.push(row);
        }
    }
    Ok(found)
}

/// The window's events, newest first, at most `MAX_EVENTS`; whether more were left.
fn read(
    client: &Client,
    window: &(String, String),
    filter: String,
) -> Result<(Vec<LogEvent>, String, bool)> {
    let url = client.logs_url(&[
        ("since", window.0.as_str()),
        ("until", window.1.as_str()),
        ("filter", filter.as_str()),
        ("sortOrder", "DESCENDING"),
        ("limit", logs::PAGE_LIMIT),
    ])?;
    let mut pages = client.pages::<LogEvent>(url).system_log(MAX_EMPTY_PAGES);
    let mut events = Vec::new();
    for e in pages.by_ref() {
        let e = e.map_err(|e| needs_role(e.context("reading the System Log"), REPORTS))?;
        events.push(e);
        if events.len() == MAX_EVENTS {
            break;
        }
    }
    // One more event means the window held more (at most one more page read).
    let truncated = events.len() == MAX_EVENTS && pages.next().is_some();
    Ok((events, filter, truncated))
}

/// A filter Okta does not take: 400 `E0000053` (invalid SCIM filter) or
/// `E0000031` (an operator and field it does not combine).
pub fn refused_filter(e: &Error) -> bool {
    matches!(e.error_code(), Some("E0000053" | "E0000031"))
}

fn lockout(l: Locked, user: Option<&User>, counted: bool) -> Lockout {
    let (status, still_locked) = match user {
        Some(u) => (Some(u.status.clone()), u.status == "LOCKED_OUT"),
        None => (None, l.unlocked.is_none()),
    };
    let login = user
        .map(|u| u.login().to_string())
        .filter(|s| !s.is_empty());
    let (unlocked_at, unlock_event, unlocked_by) = match l.unlocked {
        Some(u) => (Some(u.published), Some(u.event_type), u.by),
        None => (None, None, None),
    };
    Lockout {
        user_id: l.user_id,
        login: login.or(l.login),
        name: user.map(User::name).or(l.name),
        status,
        still_locked,
        locked_at: l.published,
        event_type: l.event_type,
        failed_sign_ins: counted.then_some(l.failures),
        client_ip: l.client_ip,
        location: l.location,
        user_agent: l.user_agent,
        unlocked_at,
        unlock_event,
        unlocked_by,
        event_id: l.event_id,
        at: l.at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_is_the_documented_one() {
        assert_eq!(
            filter(),
            concat!(
                r#"eventType eq "user.account.lock" or eventType eq "user.account.lock.limit""#,
                r#" or eventType eq "user.account.unlock" or eventType eq "user.account.unlock_by_admin""#,
                r#" or eventType eq "user.account.unlock_token""#,
                r#" or (eventType eq "user.session.start" and outcome.result eq "FAILURE")"#
            )
        );
        assert!(!simple_filter().contains("session"));
    }
}
