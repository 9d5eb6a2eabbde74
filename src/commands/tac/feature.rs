//! Temporary Access Codes are LIMITED_GA (Identity Engine): an org without
//! them is told so in one line. Which answer such an org gives is
//! UNCONFIRMED (401 E0000015 "feature not enabled", 403, or 404), so each
//! is worded for what it may mean, keeping the exit code of its kind:
//! 401 E0000015 exit 1 (not the token's fault), 404/405 exit 3, 403 exit 5.

use crate::error::{Error, Kind};
use crate::perms::{needs_role_for, Jobs, TAC_ROLES};

const NOTHING: &str = "nothing was issued or revoked";

/// A refused user lookup: the role a TAC needs (a 404 there is the user's).
pub fn lookup(e: Error) -> Error {
    needs_role_for(e, TAC_ROLES, Jobs::Containment)
}

/// Okta's refusal of a TAC call (or of listing what it needs), in one line
/// where it may mean the org lacks the feature; other errors name the role.
pub fn explain(e: Error) -> Error {
    let answer = match (e.status(), e.error_code()) {
        (Some(s), Some(c)) => format!("Okta answered {s} {c}"),
        (Some(s), None) => format!("Okta answered {s}"),
        _ => return e,
    };
    let scope = e.message.contains("lacks the scope");
    let (kind, message) = match e.status() {
        Some(401) if e.error_code() == Some("E0000015") => (
            Kind::Failed,
            format!("Temporary Access Codes are not enabled in this org ({answer}, feature not enabled); {NOTHING}"),
        ),
        Some(404 | 405) => (
            Kind::NotFound,
            format!("this org does not offer Temporary Access Codes ({answer}: an Identity Engine feature, LIMITED_GA); {NOTHING}"),
        ),
        Some(403) if !scope => (
            Kind::Permission,
            format!("Okta refused ({answer}): the credential lacks {TAC_ROLES}, or the org does not offer Temporary Access Codes; {NOTHING}"),
        ),
        _ => return needs_role_for(e, TAC_ROLES, Jobs::Containment),
    };
    // A new error: no generic hint or request id line under the one line.
    let mut one = Error::new(kind, message);
    one.okta = e.okta;
    one
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::OktaAnswer;

    fn answer(status: u16, code: &str) -> Error {
        let mut e = Error::new(Kind::Auth, "POST /x: Okta answered");
        e.okta = Some(Box::new(OktaAnswer {
            status,
            error_code: Some(code.into()),
            ..OktaAnswer::default()
        }));
        e.hints.push("Okta request id r1".into());
        e
    }

    #[test]
    fn an_org_without_the_feature_is_one_line_of_its_kind() {
        let e = explain(answer(401, "E0000015"));
        assert_eq!(e.exit_code(), 1);
        assert!(e.hints.is_empty() && e.why.is_none());
        assert_eq!(e.render().lines().count(), 1, "{}", e.render());
        assert_eq!(explain(answer(404, "E0000007")).exit_code(), 3);
        assert_eq!(explain(answer(403, "E0000006")).exit_code(), 5);
        // A bad token stays a bad token.
        assert_eq!(explain(answer(401, "E0000011")).exit_code(), 4);
    }
}
