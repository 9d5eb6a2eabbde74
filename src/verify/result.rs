//! What one verification came to: the result, the method, factor and
//! transaction, for the audit line's `detail`, the output and the exit code.

use serde::Serialize;

use super::{Factor, CAP, CAP_WINDOW_MINUTES};
use crate::error::{Error, Kind};
use crate::gate::Outcome;
use crate::okta::models::User;
use crate::output::Tabular;

/// What one verification came to.
#[derive(Debug, Serialize)]
pub struct Verification {
    pub user: String,
    pub user_id: String,
    /// Their name, as the help desk says it (`Jane Doe (jane@acme.com)`).
    #[serde(skip)]
    pub who: String,
    pub result: Outcome,
    pub method: Option<Factor>,
    pub factor_id: Option<String>,
    pub transaction_id: Option<String>,
    /// The number the user was asked to pick (push with number matching).
    pub number: Option<u32>,
    pub change_id: Option<String>,
    pub request_id: Option<String>,
    /// Why it was not verified, in a few words.
    pub error: Option<String>,
    #[serde(skip)]
    pub failure: Option<Error>,
}

impl Verification {
    pub(super) fn new(user: &User, result: Outcome) -> Verification {
        Verification {
            user: user.login().to_string(),
            user_id: user.id.clone(),
            who: match user.name() {
                n if n.is_empty() || n == user.login() => user.login().to_string(),
                n => format!("{n} ({})", user.login()),
            },
            result,
            method: None,
            factor_id: None,
            transaction_id: None,
            number: None,
            change_id: None,
            request_id: None,
            error: None,
            failure: None,
        }
    }

    /// The result, and why, when it is not `verified`.
    pub(super) fn set(&mut self, result: Outcome, e: Option<Error>) {
        self.result = result;
        self.error = e.as_ref().map(Error::short);
        self.failure = e;
    }

    /// The audit line's `detail`: method, factor and transaction.
    pub(super) fn detail(&self) -> String {
        let mut d = format!(
            "method {}, factor {}",
            self.method.map_or("-", Factor::as_str),
            self.factor_id.as_deref().unwrap_or("-")
        );
        if let Some(t) = &self.transaction_id {
            d.push_str(&format!(", transaction {t}"));
        }
        d
    }

    /// The error of a verification that did not verify (`None`: it did, or
    /// would under `--dry-run`): exit 1, 3 for `no_factor`, 130 when
    /// interrupted. `then`: what was not done for want of it.
    pub fn error(&self, then: &str) -> Option<Error> {
        if matches!(self.result, Outcome::Verified | Outcome::WouldVerify) {
            return None;
        }
        let kind = match self.result {
            Outcome::NoFactor => Kind::NotFound,
            Outcome::Cancelled => Kind::Interrupted,
            Outcome::Failed => self.failure.as_ref().map_or(Kind::Failed, |e| e.kind),
            // Answers, not faults: Okta's 403 to a wrong code is no missing role.
            _ => Kind::Failed,
        };
        let why = self.error.clone().unwrap_or_else(|| match self.result {
            Outcome::Rejected => "the push was turned down".into(),
            Outcome::TimedOut => "no answer in time".into(),
            Outcome::WrongCode => "the code read back was wrong".into(),
            o => o.to_string(),
        });
        let mut e = Error::new(
            kind,
            format!(
                "{} was not verified ({}): {why}; {then}",
                self.user, self.result
            ),
        );
        if let Some(f) = &self.failure {
            e.hints.extend(f.why.iter().cloned());
            e.hints.extend(f.hints.iter().cloned());
            e.okta.clone_from(&f.okta);
        }
        if matches!(
            self.result,
            Outcome::Rejected | Outcome::TimedOut | Outcome::WrongCode
        ) {
            e = e.hint(format!(
                "an impostor may be calling: do not reset anything; call the employee back on a number from the directory, or ask their manager (at most {CAP} challenges per user per {CAP_WINDOW_MINUTES} minutes)"
            ));
        }
        Some(e)
    }
}

impl Tabular for Verification {
    fn columns() -> Vec<&'static str> {
        vec![
            "user",
            "user_id",
            "result",
            "method",
            "factor_id",
            "transaction_id",
            "change_id",
        ]
    }

    fn row(&self) -> Vec<String> {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.user.clone(),
            self.user_id.clone(),
            self.result.to_string(),
            self.method
                .map(|m| m.as_str().to_string())
                .unwrap_or_default(),
            s(&self.factor_id),
            s(&self.transaction_id),
            s(&self.change_id),
        ]
    }
}

/// A `factorResult` that ends a verification: the outcome, and why when it
/// is not `verified`; `None` while Okta waits (`WAITING`, `CHALLENGE`).
/// `code`: the answer to a code read back.
pub(super) fn settled(result: &str, code: bool) -> Option<(Outcome, Option<Error>)> {
    let shown = match result {
        "" => "none".to_string(),
        r => crate::error::clean(r),
    };
    let (o, why) = match result {
        "WAITING" | "CHALLENGE" => return None,
        "SUCCESS" => return Some((Outcome::Verified, None)),
        "REJECTED" => (Outcome::Rejected, "the push was turned down"),
        "TIMEOUT" | "EXPIRED" | "TIME_WINDOW_EXCEEDED" => {
            (Outcome::TimedOut, "it expired unanswered")
        }
        "PASSCODE_REPLAYED" | "FAILED" if code => (Outcome::WrongCode, "the code was not accepted"),
        _ => (Outcome::Failed, "an answer oktactl does not know"),
    };
    let e = Error::failed(format!("Okta answered factorResult {shown}: {why}"));
    Some((o, Some(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factor_results() {
        let o = |r, code| settled(r, code).map(|s| s.0);
        assert_eq!(o("WAITING", false), None);
        assert_eq!(o("CHALLENGE", true), None);
        assert_eq!(o("SUCCESS", false), Some(Outcome::Verified));
        assert_eq!(o("REJECTED", false), Some(Outcome::Rejected));
        assert_eq!(o("TIMEOUT", false), Some(Outcome::TimedOut));
        assert_eq!(o("PASSCODE_REPLAYED", true), Some(Outcome::WrongCode));
        assert_eq!(o("PASSCODE_REPLAYED", false), Some(Outcome::Failed));
        assert_eq!(o("", false), Some(Outcome::Failed));
        assert!(settled("SUCCESS", true).is_some_and(|s| s.1.is_none()));
    }
}
