//! What MFA a user has enrolled. Two views: the authenticator enrolments
//! (`GET /users/{id}/authenticator-enrollments`: every enrolment, but
//! LIMITED_GA and Identity Engine only), and the Factors API
//! (`GET /users/{id}/factors`: everywhere, but only the factors that the
//! user's highest-priority enrollment policy allows, as evaluated for the
//! *caller's* context, so it can miss enrolments).

use reqwest::Method;
use serde::Deserialize;

use super::models::{Enrollment, Factor};
use super::Client;
use crate::error::{Error, Kind, Result};

/// At most this many entries of one list are kept.
pub const MAX_LISTED: usize = 100;

/// Which view a list comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Enrollments,
    Factors,
}

impl Source {
    /// As in JSON: `authenticator_enrollments` or `factors`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Enrollments => "authenticator_enrollments",
            Source::Factors => "factors",
        }
    }
}

/// One enrolled factor or authenticator, in the words of its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolled {
    pub id: String,
    /// The `factorType` (`sms`, `push`, …), or the authenticator `key`
    /// (`okta_verify`, `phone_number`, `google_otp`, …).
    pub kind: String,
    /// The factor's provider (`OKTA`, `GOOGLE`, …), or the authenticator's name.
    pub provider: String,
}

impl From<&Factor> for Enrolled {
    fn from(f: &Factor) -> Self {
        Enrolled {
            id: f.id.clone(),
            kind: f.factor_type.clone(),
            provider: f.provider.clone(),
        }
    }
}

/// A user's MFA enrolments (never the password) from one source.
#[derive(Debug, Clone)]
pub struct Listing {
    pub source: Source,
    pub items: Vec<Enrolled>,
    /// Okta's answer to the enrolments list, when it was tried and refused.
    pub fallback: Option<Error>,
    /// More than `MAX_LISTED` entries: the rest were dropped.
    pub truncated: bool,
}

impl Listing {
    /// Whether the list shows every enrolment: only the enrolments view does.
    pub fn complete(&self) -> bool {
        self.source == Source::Enrollments && !self.truncated
    }
}

/// The enrolments endpoint answers a list, or (as its schema is written)
/// one object: take either.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    Many(Vec<Enrollment>),
    One(Enrollment),
}

impl Client {
    /// The user's enrolments: from the enrolments endpoint unless
    /// `try_enrollments` is false, falling back to the Factors API when
    /// the org does not answer it (see `unavailable`).
    pub fn mfa_listing(&self, user_id: &str, try_enrollments: bool) -> Result<Listing> {
        if try_enrollments {
            match self.list_enrolled(user_id, Source::Enrollments) {
                Ok(l) => return Ok(l),
                Err(e) if unavailable(&e) => {
                    let mut l = self.list_enrolled(user_id, Source::Factors)?;
                    l.fallback = Some(e);
                    return Ok(l);
                }
                Err(e) => return Err(e),
            }
        }
        self.list_enrolled(user_id, Source::Factors)
    }

    /// The user's enrolments from one source (one GET).
    pub fn list_enrolled(&self, user_id: &str, source: Source) -> Result<Listing> {
        let mut items: Vec<Enrolled> = match source {
            Source::Factors => self.factors(user_id)?.iter().map(Enrolled::from).collect(),
            Source::Enrollments => {
                let url = self.api(&["users", user_id, "authenticator-enrollments"])?;
                let list = match self.send(Method::GET, url, None)?.json::<OneOrMany>()? {
                    OneOrMany::Many(v) => v,
                    OneOrMany::One(e) => vec![e],
                };
                list.into_iter()
                    .filter(|e| !e.id.is_empty() && !is_password(e))
                    .map(|e| Enrolled {
                        provider: e.name.unwrap_or_else(|| e.kind.clone()),
                        kind: if e.key.is_empty() { e.kind } else { e.key },
                        id: e.id,
                    })
                    .collect()
            }
        };
        let truncated = items.len() > MAX_LISTED;
        items.truncate(MAX_LISTED);
        Ok(Listing {
            source,
            items,
            fallback: None,
            truncated,
        })
    }

    /// `GET /api/v1/users/{id}/factors`.
    pub fn factors(&self, user_id: &str) -> Result<Vec<Factor>> {
        let mut list: Vec<Factor> = self.get(self.api(&["users", user_id, "factors"])?)?;
        list.truncate(MAX_LISTED);
        Ok(list)
    }
}

fn is_password(e: &Enrollment) -> bool {
    e.kind == "password" || e.key == "okta_password"
}

/// Whether an answer from the enrolments endpoint means this org (or this
/// credential) cannot use it: 404 or 405, 401 E0000015 ("feature not
/// enabled"), or 403. Which of these Okta gives an org without the
/// feature is UNCONFIRMED; all of them fall back to the Factors API (a
/// 403 that is a missing role then shows again there).
pub fn unavailable(e: &Error) -> bool {
    match e.status() {
        Some(403..=405) => true,
        Some(401) => e.error_code() == Some("E0000015"),
        _ => false,
    }
}

/// Whether the org itself lacks the endpoint (not only this user or this
/// credential): later users need not try it again.
pub fn org_lacks_it(e: &Error) -> bool {
    e.kind != Kind::Permission && unavailable(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::OktaAnswer;

    fn answer(status: u16, code: Option<&str>) -> Error {
        let mut e = Error::failed("x");
        e.okta = Some(Box::new(OktaAnswer {
            status,
            error_code: code.map(str::to_string),
            ..OktaAnswer::default()
        }));
        e
    }

    #[test]
    fn falls_back_on_what_an_org_without_the_endpoint_may_answer() {
        assert!(unavailable(&answer(404, Some("E0000007"))));
        assert!(unavailable(&answer(405, Some("E0000022"))));
        assert!(unavailable(&answer(401, Some("E0000015"))));
        assert!(unavailable(&answer(403, Some("E0000006"))));
        assert!(!unavailable(&answer(401, Some("E0000011"))));
        assert!(!unavailable(&answer(500, None)));
        assert!(!unavailable(&Error::network("timeout")));
    }

    #[test]
    fn enrolments_parse_as_a_list_or_one_object() {
        let many: OneOrMany = serde_json::from_str(
            r#"[{"type":"app","id":"e1","key":"okta_verify","status":"ACTIVE","name":"Okta Verify"}]"#,
        )
        .unwrap();
        assert!(matches!(many, OneOrMany::Many(v) if v.len() == 1 && v[0].key == "okta_verify"));
        let one: OneOrMany =
            serde_json::from_str(r#"{"type":"phone","id":"e2","key":"phone_number"}"#).unwrap();
        assert!(matches!(one, OneOrMany::One(e) if e.kind == "phone"));
    }
}
