//! Verifying a user's factor (UserFactor API, [S] `verifyFactor`,
//! `getFactorTransactionStatus`): a challenge (`POST
//! /users/{uid}/factors/{fid}/verify`: a push, or an SMS, call or email
//! code), a code checked (`{"passCode"}`), and a push transaction polled
//! through the `poll` link Okta gives, never a URL built here. These calls
//! change nothing about the user: they prove who holds the factor, so they
//! are sent by `crate::verify` (which audits them), not by the change gate.
//! The client sends its `User-Agent` (`oktactl/VERSION`) with every request,
//! which Okta requires for a push.

use reqwest::Method;
use serde::Deserialize;
use serde_json::{json, Value};
use url::Url;

use super::Client;
use crate::error::{Error, Result};

/// What a verify request carries.
pub enum Body<'a> {
    /// A number-matching push: `{"useNumberMatchingChallenge": true}`.
    Push,
    /// No body: an SMS, call or email challenge (sends the code).
    Challenge,
    /// `{"passCode": …}`: the code the caller read back.
    Code(&'a str),
}

/// Okta's answer to a verify request or a transaction poll.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// `factorResult`: `WAITING`, `CHALLENGE`, `SUCCESS`, `REJECTED`, `TIMEOUT`, …
    pub result: String,
    /// The number the user must pick (number matching), if Okta sent one.
    pub number: Option<u32>,
    /// `_links.poll` and `_links.cancel`, as given (not yet checked for origin).
    pub poll: Option<Url>,
    pub cancel: Option<Url>,
    /// Where an SMS or call went (`profile.phoneNumber`), or an email.
    pub sent_to: Option<String>,
    pub request_id: Option<String>,
}

impl Answer {
    /// The transaction id: the last segment of the poll link.
    pub fn transaction_id(&self) -> Option<String> {
        let url = self.poll.as_ref().or(self.cancel.as_ref())?;
        let last = url.path_segments()?.next_back()?;
        (!last.is_empty()).then(|| last.chars().take(100).collect())
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Raw {
    factor_result: Option<String>,
    profile: Option<Value>,
    #[serde(rename = "_links")]
    links: Links,
    #[serde(rename = "_embedded")]
    embedded: Embedded,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Links {
    poll: Option<Link>,
    cancel: Option<Link>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Link {
    href: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Embedded {
    challenge: Option<Challenge>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Challenge {
    /// A number in the spec's examples; a string of digits is taken too.
    correct_answer: Option<Value>,
}

fn href(l: Option<Link>) -> Option<Url> {
    l.and_then(|l| l.href).and_then(|h| Url::parse(&h).ok())
}

fn number(v: &Value) -> Option<u32> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

impl Answer {
    fn parse(raw: Raw, request_id: Option<String>) -> Answer {
        let profile = raw.profile.unwrap_or_default();
        let sent_to = ["phoneNumber", "email"]
            .iter()
            .find_map(|k| profile.get(k).and_then(Value::as_str))
            .map(|s| s.chars().take(100).collect());
        Answer {
            result: raw
                .factor_result
                .unwrap_or_default()
                .chars()
                .take(40)
                .collect(),
            number: raw
                .embedded
                .challenge
                .and_then(|c| c.correct_answer)
                .as_ref()
                .and_then(number),
            poll: href(raw.links.poll),
            cancel: href(raw.links.cancel),
            sent_to,
            request_id,
        }
    }
}

impl Client {
    /// The verify URL of a user's factor.
    pub fn verify_url(&self, user_id: &str, factor_id: &str) -> Result<Url> {
        self.api(&["users", user_id, "factors", factor_id, "verify"])
    }

    /// `POST /api/v1/users/{uid}/factors/{fid}/verify`, with `body`.
    /// A POST is never repeated by the client (a second push would reach
    /// the user's phone).
    pub fn verify_factor(&self, user_id: &str, factor_id: &str, body: Body<'_>) -> Result<Answer> {
        let url = self.verify_url(user_id, factor_id)?;
        let json = match body {
            Body::Push => Some(json!({"useNumberMatchingChallenge": true})),
            Body::Challenge => None,
            Body::Code(code) => Some(json!({ "passCode": code })),
        };
        let reply = self.send(Method::POST, url, json.as_ref())?;
        let raw: Raw = reply.json_or_default()?;
        Ok(Answer::parse(raw, reply.request_id()))
    }

    /// `GET` the transaction's `poll` link (`…/transactions/{tid}`): only on
    /// the org's own origin, as every request.
    pub fn poll_factor(&self, poll: &Url) -> Result<Answer> {
        self.check_link(poll)?;
        let reply = self.send(Method::GET, poll.clone(), None)?;
        let raw: Raw = reply.json()?;
        Ok(Answer::parse(raw, reply.request_id()))
    }

    /// `DELETE` the transaction's `cancel` link. UNCONFIRMED: the spec has
    /// no operation for it (facts §C); callers treat it as best effort.
    pub fn cancel_factor(&self, cancel: &Url) -> Result<()> {
        self.check_link(cancel)?;
        self.send(Method::DELETE, cancel.clone(), None).map(|_| ())
    }

    /// A link from an answer must stay below `/api/v1/users/` on the org.
    fn check_link(&self, url: &Url) -> Result<()> {
        if url.origin() != self.origin().origin() {
            return Err(super::client::foreign(url));
        }
        if !url.path().starts_with("/api/v1/users/") {
            return Err(Error::network(format!(
                "refused to follow a transaction link to {}: not a user's factor",
                url.path()
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: Value) -> Answer {
        Answer::parse(serde_json::from_value(v).unwrap(), None)
    }

    #[test]
    fn a_number_matching_push_gives_the_number_and_its_links() {
        let a = parse(json!({
            "expiresAt": "2015-04-01T15:57:32.000Z",
            "factorResult": "WAITING",
            "_links": {
                "poll": {"href": "https://acme.okta.com/api/v1/users/00u1/factors/opf1/transactions/v2mst.Gld", "hints": {"allow": ["GET"]}},
                "cancel": {"href": "https://acme.okta.com/api/v1/users/00u1/factors/opf1/transactions/v2mst.Gld", "hints": {"allow": ["DELETE"]}}
            },
            "_embedded": {"challenge": {"correctAnswer": 72}}
        }));
        assert_eq!(a.result, "WAITING");
        assert_eq!(a.number, Some(72));
        assert_eq!(a.transaction_id().as_deref(), Some("v2mst.Gld"));
        assert!(a.cancel.is_some());
    }

    #[test]
    fn odd_answers_leave_fields_empty() {
        let a = parse(
            json!({"factorResult": "CHALLENGE", "profile": {"phoneNumber": "+12532236986"},
                             "_embedded": {"challenge": {"correctAnswer": "x"}}, "_links": {"poll": {"href": "not a url"}}}),
        );
        assert_eq!(a.result, "CHALLENGE");
        assert_eq!(a.number, None);
        assert_eq!(a.poll, None);
        assert_eq!(a.transaction_id(), None);
        assert_eq!(a.sent_to.as_deref(), Some("+12532236986"));
        let b = parse(json!({"_embedded": {"challenge": {"correctAnswer": "41"}}}));
        assert_eq!((b.result.as_str(), b.number), ("", Some(41)));
        let c = parse(json!({"_embedded": {"challenge": {"correctAnswer": 99999999999u64}}}));
        assert_eq!(c.number, None);
    }
}
