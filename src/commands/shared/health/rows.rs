//! The health rows themselves, from what Okta showed and the time now:
//! pure, so each threshold is tested here.

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::okta::tokens::{ApiToken, AppKey};

/// A token this close to its `expiresAt` is a warning.
pub const EXPIRY_WARN_DAYS: i64 = 7;
/// A signing key older than this is a warning (oktactl's choice: rotate yearly).
pub const KEY_WARN_DAYS: i64 = 365;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Level {
    Pass,
    Warn,
    Fail,
    /// Okta did not show it: never a failure.
    Unknown,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Pass => "PASS",
            Level::Warn => "WARN",
            Level::Fail => "FAIL",
            Level::Unknown => "UNKNOWN",
        }
    }
}

/// One row: what was checked, the verdict, what was seen, what to do.
#[derive(Debug, Clone, Serialize)]
pub struct HealthRow {
    pub check: String,
    pub result: Level,
    pub detail: String,
    pub fix: Option<String>,
}

pub fn row(check: impl Into<String>, result: Level, detail: impl Into<String>) -> HealthRow {
    HealthRow {
        check: check.into(),
        result,
        detail: detail.into(),
        fix: None,
    }
}

impl HealthRow {
    pub fn fix(mut self, fix: impl Into<String>) -> HealthRow {
        self.fix = Some(fix.into());
        self
    }
}

/// Whole days from `now` to `then`, rounded down (negative: past).
pub fn days_until(then: Timestamp, now: Timestamp) -> i64 {
    then.duration_since(now).as_secs().div_euclid(86_400)
}

/// The owner of an API token: its tokens act with its roles and die with it.
pub fn owner(login: &str, status: &str) -> HealthRow {
    let check = "token owner";
    match status {
        "ACTIVE" => row(check, Level::Pass, format!("{login} is ACTIVE")),
        "SUSPENDED" | "DEPROVISIONED" => row(
            check,
            Level::Fail,
            format!("{login} is {status}: Okta deprovisions a deactivated user's tokens and refuses a suspended user's"),
        )
        .fix("reactivate or unsuspend the account, or create the token under an active service account"),
        // UNCONFIRMED: Okta documents only deactivation (tokens are
        // deprovisioned); a locked-out or password-expired owner is a warning.
        other => row(
            check,
            Level::Warn,
            format!("{login} is {other}: whether its tokens keep working is not documented by Okta (UNCONFIRMED)"),
        )
        .fix("bring the account back to ACTIVE (unlock, reset its password)"),
    }
}

/// Expiry and network rows of one API token. Whether the listing already
/// counts the call that reads it (for the token in use) is UNCONFIRMED: a
/// WARN is never a failure, so either answer is safe.
pub fn token(t: &ApiToken, now: Timestamp) -> [HealthRow; 2] {
    let who = format!("token '{}' ({})", t.name, t.id);
    let window = t.token_window.as_deref().unwrap_or("its window");
    let expiry = match t.expires_at.as_deref().map(str::parse::<Timestamp>) {
        Some(Ok(at)) => {
            let days = days_until(at, now);
            let date = at.strftime("%Y-%m-%d %H:%M UTC");
            if at <= now {
                row(
                    format!("{who} expiry"),
                    Level::Fail,
                    format!("expired at {date}"),
                )
                .fix("create a new API token and store it where the jobs read it")
            } else if at.duration_since(now) <= SignedDuration::from_hours(24 * EXPIRY_WARN_DAYS) {
                row(
                    format!("{who} expiry"),
                    Level::Warn,
                    format!("expires at {date} (in {days} days) unless used: each call extends it by {window}"),
                )
                .fix("use the token before then (any call extends it), or create a new one and replace it where the jobs read it")
            } else {
                row(
                    format!("{who} expiry"),
                    Level::Pass,
                    format!("expires at {date} (in {days} days); each call extends it by {window}"),
                )
            }
        }
        Some(Err(_)) | None => row(
            format!("{who} expiry"),
            Level::Unknown,
            "unknown: Okta gave no readable expiresAt",
        ),
    };
    let net = t.network.as_ref();
    let connection = net
        .and_then(|n| n.connection.as_deref())
        .unwrap_or("ANYWHERE");
    let network = if connection == "ANYWHERE" {
        row(
            format!("{who} network"),
            Level::Warn,
            "usable from any network (network.connection ANYWHERE)",
        )
        .fix(format!(
            "restrict it to the network zones the jobs run from (Admin Console: Security > API > Tokens, or PUT /api/v1/api-tokens/{})",
            t.id
        ))
    } else {
        let zones = |z: &[String]| {
            if z.is_empty() {
                "-".to_string()
            } else {
                z.join(", ")
            }
        };
        row(
            format!("{who} network"),
            Level::Pass,
            format!(
                "connection {connection}; include: {}; exclude: {}",
                zones(net.map(|n| n.include.as_slice()).unwrap_or_default()),
                zones(net.map(|n| n.exclude.as_slice()).unwrap_or_default())
            ),
        )
    };
    [expiry, network]
}

/// One row per active signing key (its age), or a failure when none is active.
pub fn keys(keys: &[AppKey], in_use: Option<&str>, now: Timestamp) -> Vec<HealthRow> {
    let active: Vec<&AppKey> = keys
        .iter()
        .filter(|k| k.signs() && k.status == "ACTIVE")
        .collect();
    if active.is_empty() {
        return vec![row(
            "app keys",
            Level::Fail,
            format!("no ACTIVE signing key ({} inactive): the app cannot get access tokens", keys.len()),
        )
        .fix("add the app's public key and activate it (Admin Console: the app's General tab, Public keys)")];
    }
    active
        .into_iter()
        .map(|k| {
            let kid = k.kid.as_deref().unwrap_or("(no kid)");
            let using = if in_use.is_some() && k.kid.as_deref() == in_use {
                ", in use by oktactl"
            } else {
                ""
            };
            let check = format!("key {kid} ({})", k.id);
            match k.created.as_deref().map(str::parse::<Timestamp>) {
                Some(Ok(at)) => {
                    let age = days_until(now, at);
                    let detail = format!("ACTIVE{using}, created {} ({age} days ago)", at.strftime("%Y-%m-%d"));
                    if age > KEY_WARN_DAYS {
                        row(check, Level::Warn, detail).fix("rotate it: add a new key, switch to it (`oktactl auth login --client-id … --private-key NEW`), then deactivate this one")
                    } else {
                        row(check, Level::Pass, detail)
                    }
                }
                _ => row(check, Level::Pass, format!("ACTIVE{using}; its age is unknown (no created date)")),
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "rows_tests.rs"]
mod tests;
