//! The System Log (`GET /api/v1/logs`, [S] `listLogEvents`): the parts of
//! an event that lock-out reports read, filters over event types, and one
//! page at a time with its `after` cursor, for Okta's polling pattern
//! ([SYSLOG]: `sortOrder=ASCENDING`, no `until`, follow `next`; an empty
//! page with a next link means "nothing newer yet").

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use url::Url;

use super::paging::next_link;
use super::Client;
use crate::error::{Error, Result};

/// [ET] `user.account.lock`: the account locked itself (too many failed
/// sign-ins); it may unlock by itself after the policy's lock-out time.
pub const LOCK: &str = "user.account.lock";
/// [ET] `user.account.lock.limit`: the lock-out limit was reached and the
/// account will not unlock by itself.
pub const LOCK_LIMIT: &str = "user.account.lock.limit";
/// [ET] the automatic unlock.
pub const UNLOCK: &str = "user.account.unlock";
/// [ET] an admin's unlock.
pub const UNLOCK_BY_ADMIN: &str = "user.account.unlock_by_admin";
/// [ET] a self-service unlock with an unlock token.
pub const UNLOCK_TOKEN: &str = "user.account.unlock_token";
/// [ET] a sign-in; `outcome.result` `FAILURE` for a failed one.
pub const SESSION_START: &str = "user.session.start";

/// The most events one page may hold ([S]: `limit` 0–1000).
pub const PAGE_LIMIT: &str = "1000";

/// The longest `after` cursor kept (Okta's are short: a time and a
/// sequence); anything longer is a wrong answer, not a cursor.
pub const MAX_CURSOR: usize = 1024;

/// `eventType eq "A" or eventType eq "B" …`.
pub fn types_filter(types: &[&str]) -> String {
    types
        .iter()
        .map(|t| format!("eventType eq {}", super::paths::quoted(t)))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// One System Log event: the fields read; the rest is ignored.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LogEvent {
    pub uuid: Option<String>,
    pub published: Option<String>,
    pub event_type: Option<String>,
    pub display_message: Option<String>,
    pub actor: Option<Entity>,
    pub target: Option<Vec<Entity>>,
    pub outcome: Option<Outcome>,
    pub client: Option<LogClient>,
}

/// An actor or a target.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Entity {
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub alternate_id: Option<String>,
    pub display_name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Outcome {
    pub result: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LogClient {
    pub ip_address: Option<String>,
    /// An object (`rawUserAgent`, `os`, `browser`); a string is taken too.
    pub user_agent: Option<serde_json::Value>,
    pub geographical_context: Option<Location>,
}

/// Where the client was ([S] `LogGeographicalContext`, without coordinates).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(default)]
pub struct Location {
    pub city: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
}

impl Location {
    /// "Berlin, Berlin, Germany", leaving out what is missing; `None` when
    /// nothing is known.
    pub fn text(&self) -> Option<String> {
        let parts: Vec<&str> = [&self.city, &self.state, &self.country]
            .into_iter()
            .filter_map(|p| p.as_deref().map(str::trim))
            .filter(|p| !p.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

impl Entity {
    fn is_user(&self) -> bool {
        self.kind
            .as_deref()
            .is_some_and(|k| k.eq_ignore_ascii_case("User"))
            && self.id.as_deref().is_some_and(|id| !id.trim().is_empty())
    }
}

impl LogEvent {
    pub fn event_type(&self) -> &str {
        self.event_type.as_deref().unwrap_or("")
    }

    /// The user the event is about. Sign-ins: the actor (the person
    /// signing in). Lock and unlock events: the first target of type
    /// `User`, else the actor when it is a user (an admin's unlock names
    /// the admin as actor and the user as target). UNCONFIRMED which of
    /// the two Okta fills for `user.account.lock` and the automatic
    /// unlock: either is taken (live-suite point `lockout_event_subject`).
    pub fn subject(&self) -> Option<&Entity> {
        let target = || self.target.iter().flatten().find(|e| e.is_user());
        let actor = || self.actor.as_ref().filter(|e| e.is_user());
        if self.event_type() == SESSION_START {
            actor().or_else(target)
        } else {
            target().or_else(actor)
        }
    }

    pub fn failed(&self) -> bool {
        self.outcome
            .as_ref()
            .and_then(|o| o.result.as_deref())
            .is_some_and(|r| r.eq_ignore_ascii_case("FAILURE"))
    }

    pub fn reason(&self) -> Option<&str> {
        self.outcome.as_ref().and_then(|o| o.reason.as_deref())
    }

    pub fn client_ip(&self) -> Option<String> {
        self.client.as_ref().and_then(|c| c.ip_address.clone())
    }

    pub fn location(&self) -> Option<Location> {
        let loc = self.client.as_ref()?.geographical_context.clone()?;
        loc.text().is_some().then_some(loc)
    }

    pub fn user_agent(&self) -> Option<String> {
        match self.client.as_ref()?.user_agent.as_ref()? {
            serde_json::Value::String(s) => Some(s.clone()),
            other => other
                .get("rawUserAgent")
                .and_then(|v| v.as_str())
                .map(str::to_string),
        }
    }
}

/// One page of the System Log and the `after` cursor of its next link.
#[derive(Debug)]
pub struct LogPage<T> {
    pub events: Vec<T>,
    /// `None` when the answer had no next link (a bounded query's end; a
    /// polling query always has one).
    pub after: Option<String>,
}

/// The `after` value of a next link: the only part of it that is kept.
/// A link without one, or with one too long or holding control
/// characters, is not a usable cursor (exit 7).
pub fn cursor_of(next: &Url) -> Result<String> {
    let after = next
        .query_pairs()
        .find(|(k, _)| k == "after")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    if after.is_empty() || after.len() > MAX_CURSOR || after.chars().any(char::is_control) {
        return Err(
            Error::network("the System Log's next link carries no usable `after` cursor")
                .hint("check that --org is the org's API address (not a proxy)"),
        );
    }
    Ok(after)
}

impl Client {
    /// `{org}/api/v1/logs?{query}`.
    pub fn logs_url(&self, query: &[(&str, &str)]) -> Result<Url> {
        self.api_query(&["logs"], query)
    }

    /// `GET` one page of the System Log: its events and the `after`
    /// cursor of its next link (a next link to another origin is refused,
    /// as in every listing).
    pub fn log_page<T: DeserializeOwned>(&self, url: Url) -> Result<LogPage<T>> {
        let reply = self.send(Method::GET, url, None)?;
        let next = next_link(&reply.headers, self.origin())?;
        let events: Vec<T> = reply.json()?;
        let after = next.as_ref().map(cursor_of).transpose()?;
        Ok(LogPage { events, after })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(v: serde_json::Value) -> LogEvent {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn filters_join_types_with_or() {
        assert_eq!(
            types_filter(&[LOCK, LOCK_LIMIT]),
            r#"eventType eq "user.account.lock" or eventType eq "user.account.lock.limit""#
        );
    }

    #[test]
    fn the_subject_is_the_target_user_else_the_actor() {
        let admin_unlock = event(serde_json::json!({
            "eventType": UNLOCK_BY_ADMIN,
            "actor": {"id": "00uadmin", "type": "User"},
            "target": [{"id": "0oa1", "type": "AppInstance"}, {"id": "00ujane", "type": "User"}]
        }));
        assert_eq!(
            admin_unlock.subject().unwrap().id.as_deref(),
            Some("00ujane")
        );
        let lock = event(serde_json::json!({
            "eventType": LOCK, "actor": {"id": "00ujane", "type": "User"}, "target": null
        }));
        assert_eq!(lock.subject().unwrap().id.as_deref(), Some("00ujane"));
        let sign_in = event(serde_json::json!({
            "eventType": SESSION_START,
            "actor": {"id": "00ujane", "type": "User"},
            "target": [{"id": "00uother", "type": "User"}]
        }));
        assert_eq!(sign_in.subject().unwrap().id.as_deref(), Some("00ujane"));
        let nobody = event(serde_json::json!({
            "eventType": LOCK, "actor": {"id": "", "type": "User"}
        }));
        assert!(nobody.subject().is_none());
    }

    #[test]
    fn locations_and_agents() {
        let e = event(serde_json::json!({
            "client": {"ipAddress": "203.0.113.9",
                       "userAgent": {"rawUserAgent": "Mozilla/5.0"},
                       "geographicalContext": {"city": "Berlin", "state": "", "country": "Germany",
                                               "geolocation": {"lat": 52.5, "lon": 13.4}}}
        }));
        assert_eq!(e.location().unwrap().text().unwrap(), "Berlin, Germany");
        assert_eq!(e.user_agent().unwrap(), "Mozilla/5.0");
        assert!(
            event(serde_json::json!({"client": {"geographicalContext": {}}}))
                .location()
                .is_none()
        );
    }

    #[test]
    fn cursors_are_bounded() {
        let ok =
            Url::parse("https://a.okta.com/api/v1/logs?after=1700000000000_1&limit=5").unwrap();
        assert_eq!(cursor_of(&ok).unwrap(), "1700000000000_1");
        let none = Url::parse("https://a.okta.com/api/v1/logs?limit=5").unwrap();
        assert_eq!(cursor_of(&none).unwrap_err().exit_code(), 7);
        let long = Url::parse(&format!("https://a.okta.com/x?after={}", "a".repeat(2000))).unwrap();
        assert!(cursor_of(&long).is_err());
        let ctl = Url::parse("https://a.okta.com/x?after=a%0Ab").unwrap();
        assert!(cursor_of(&ctl).is_err());
    }
}
