//! System Log events folded into one lock-out per user: pure, so the rules
//! (which lock counts, what unlocks it, which failed sign-ins led to it)
//! are tested without a server.

use std::collections::HashMap;

use jiff::Timestamp;

use crate::okta::logs::{self, Location, LogEvent};

/// A user's latest lock-out in the window, as the System Log tells it.
#[derive(Debug, Clone)]
pub struct Locked {
    pub user_id: String,
    /// The event's `alternateId` and `displayName` of the user.
    pub login: Option<String>,
    pub name: Option<String>,
    pub at: Timestamp,
    /// `published` as Okta sent it (RFC 3339, UTC).
    pub published: String,
    /// `user.account.lock`, or `user.account.lock.limit` when the account
    /// will not unlock by itself.
    pub event_type: String,
    pub event_id: Option<String>,
    /// Failed sign-ins (`user.session.start` FAILURE, other than those
    /// refused because the account was already locked) since the user's
    /// previous lock or unlock in the window, up to this lock.
    pub failures: u32,
    pub client_ip: Option<String>,
    pub location: Option<Location>,
    pub user_agent: Option<String>,
    pub unlocked: Option<Unlocked>,
}

/// The unlock that ended a lock-out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlocked {
    pub published: String,
    pub event_type: String,
    /// Who unlocked it: the admin (`unlock_by_admin`), else null.
    pub by: Option<String>,
}

#[derive(Default)]
struct Track {
    failures: u32,
    current: Option<Locked>,
}

/// What an event is to a lock-out; the order among events of one instant.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Failure,
    Lock,
    Unlock,
}

fn step(e: &LogEvent) -> Option<Step> {
    match e.event_type() {
        logs::LOCK | logs::LOCK_LIMIT => Some(Step::Lock),
        logs::UNLOCK | logs::UNLOCK_BY_ADMIN | logs::UNLOCK_TOKEN => Some(Step::Unlock),
        // Attempts refused because the account was already locked came after it.
        logs::SESSION_START if e.failed() && e.reason() != Some("LOCKED_OUT") => {
            Some(Step::Failure)
        }
        _ => None,
    }
}

/// Each user's latest lock-out among `events` (any order), oldest first.
/// Events without a readable time or a user are left out.
pub fn fold(events: Vec<LogEvent>) -> Vec<Locked> {
    let mut steps: Vec<(Timestamp, Step, LogEvent)> = events
        .into_iter()
        .filter_map(|e| {
            let at: Timestamp = e.published.as_deref()?.parse().ok()?;
            Some((at, step(&e)?, e))
        })
        .collect();
    // Failures of one instant come before its lock, unlocks after it.
    steps.sort_by_key(|(at, step, _)| (*at, *step));
    let mut users: HashMap<String, Track> = HashMap::new();
    for (at, step, e) in steps {
        let Some(who) = e.subject() else { continue };
        let Some(id) = who.id.clone() else { continue };
        let track = users.entry(id.clone()).or_default();
        match step {
            Step::Failure => track.failures = track.failures.saturating_add(1),
            Step::Lock => match track.current.as_mut() {
                // Locked again while locked (`lock.limit` after `lock`):
                // the same lock-out, since its first event.
                Some(c) if c.unlocked.is_none() => {
                    c.failures = c.failures.saturating_add(track.failures);
                    if e.event_type() == logs::LOCK_LIMIT {
                        c.event_type = logs::LOCK_LIMIT.to_string();
                    }
                    track.failures = 0;
                }
                _ => {
                    track.current = Some(Locked {
                        user_id: id,
                        login: who.alternate_id.clone(),
                        name: who.display_name.clone(),
                        at,
                        published: e.published.clone().unwrap_or_default(),
                        event_type: e.event_type().to_string(),
                        event_id: e.uuid.clone(),
                        failures: std::mem::take(&mut track.failures),
                        client_ip: e.client_ip(),
                        location: e.location(),
                        user_agent: e.user_agent(),
                        unlocked: None,
                    });
                }
            },
            Step::Unlock => {
                track.failures = 0;
                if let Some(c) = track.current.as_mut().filter(|c| c.unlocked.is_none()) {
                    let by = (e.event_type() == logs::UNLOCK_BY_ADMIN)
                        .then_some(e.actor.as_ref())
                        .flatten()
                        .and_then(|a| a.alternate_id.clone().or(a.display_name.clone()));
                    c.unlocked = Some(Unlocked {
                        published: e.published.clone().unwrap_or_default(),
                        event_type: e.event_type().to_string(),
                        by,
                    });
                }
            }
        }
    }
    let mut out: Vec<Locked> = users.into_values().filter_map(|t| t.current).collect();
    out.sort_by(|a, b| (a.at, &a.user_id).cmp(&(b.at, &b.user_id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ev(t: &str, kind: &str, user: &str, extra: serde_json::Value) -> LogEvent {
        let mut v = json!({
            "uuid": format!("{kind}-{t}-{user}"),
            "published": format!("2026-11-30T{t}.000Z"),
            "eventType": kind,
            "actor": {"id": user, "type": "User", "alternateId": format!("{user}@acme.com"),
                      "displayName": "Jane Doe"},
            "outcome": {"result": "SUCCESS"}
        });
        if let (Some(o), Some(x)) = (v.as_object_mut(), extra.as_object()) {
            o.extend(x.clone());
        }
        serde_json::from_value(v).unwrap()
    }

    fn fail(t: &str, user: &str, reason: &str) -> LogEvent {
        ev(
            t,
            logs::SESSION_START,
            user,
            json!({"outcome": {"result": "FAILURE", "reason": reason}}),
        )
    }

    #[test]
    fn failures_before_the_lock_are_counted_and_later_ones_are_not() {
        // Newest first, as a DESCENDING query returns them.
        let events = vec![
            fail("08:20:00", "00ua", "LOCKED_OUT"),
            ev(
                "08:10:00",
                logs::LOCK,
                "00ua",
                json!({
                "client": {"ipAddress": "203.0.113.9",
                           "geographicalContext": {"city": "Lyon", "country": "France"}}}),
            ),
            fail("08:10:00", "00ua", "INVALID_CREDENTIALS"),
            fail("08:09:00", "00ua", "INVALID_CREDENTIALS"),
            fail("08:08:00", "00ua", "INVALID_CREDENTIALS"),
            fail("08:07:00", "00ub", "INVALID_CREDENTIALS"),
        ];
        let out = fold(events);
        assert_eq!(out.len(), 1);
        let a = &out[0];
        assert_eq!(a.user_id, "00ua");
        assert_eq!(a.failures, 3);
        assert_eq!(a.published, "2026-11-30T08:10:00.000Z");
        assert_eq!(a.client_ip.as_deref(), Some("203.0.113.9"));
        assert_eq!(a.location.as_ref().unwrap().text().unwrap(), "Lyon, France");
        assert!(a.unlocked.is_none());
    }

    #[test]
    fn an_unlock_ends_the_lock_and_a_new_lock_starts_over() {
        let admin = json!({"actor": {"id": "00uadmin", "type": "User", "alternateId": "admin@acme.com"},
                           "target": [{"id": "00ua", "type": "User"}]});
        let events = vec![
            fail("07:00:00", "00ua", "INVALID_CREDENTIALS"),
            ev("07:01:00", logs::LOCK, "00ua", json!({})),
            ev("07:30:00", logs::UNLOCK_BY_ADMIN, "00uadmin", admin),
            ev("08:00:00", logs::LOCK, "00ub", json!({})),
            ev("08:15:00", logs::UNLOCK, "00ub", json!({})),
        ];
        let out = fold(events);
        assert_eq!(out.len(), 2);
        let a = &out[0];
        assert_eq!(a.user_id, "00ua");
        assert_eq!(
            a.unlocked,
            Some(Unlocked {
                published: "2026-11-30T07:30:00.000Z".into(),
                event_type: logs::UNLOCK_BY_ADMIN.into(),
                by: Some("admin@acme.com".into())
            })
        );
        assert_eq!(out[1].unlocked.as_ref().unwrap().by, None);
        // Locked again after the unlock: the latest lock-out, failures anew.
        let again = fold(vec![
            ev("07:01:00", logs::LOCK, "00ua", json!({})),
            ev("07:02:00", logs::UNLOCK, "00ua", json!({})),
            fail("07:03:00", "00ua", "INVALID_CREDENTIALS"),
            ev("07:04:00", logs::LOCK, "00ua", json!({})),
        ]);
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].published, "2026-11-30T07:04:00.000Z");
        assert_eq!(again[0].failures, 1);
        assert!(again[0].unlocked.is_none());
    }

    #[test]
    fn a_limit_after_a_lock_is_the_same_lock_out() {
        let out = fold(vec![
            ev("09:00:00", logs::LOCK_LIMIT, "00ua", json!({})),
            ev("09:00:00", logs::LOCK, "00ua", json!({})),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].event_type, logs::LOCK_LIMIT);
    }

    #[test]
    fn events_without_a_time_or_a_user_are_left_out() {
        let mut no_time = ev("09:00:00", logs::LOCK, "00ua", json!({}));
        no_time.published = Some("yesterday".into());
        let no_user = ev(
            "09:00:00",
            logs::LOCK,
            "00ub",
            json!({"actor": {"type": "SystemPrincipal"}}),
        );
        assert!(fold(vec![no_time, no_user]).is_empty());
    }
}
