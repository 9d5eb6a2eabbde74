//! Where a user's password lives decides what reset-password can do:
//! statuses and sources refused up front, and a directory's refusal
//! explained in the directory's terms.

use crate::error::{Error, Result};
use crate::okta::models::User;

/// Statuses and sources where Okta refuses or the reset belongs elsewhere.
/// Users sourced from Active Directory or LDAP are not refused: in a
/// delegated-authentication org Okta hands the reset to the agent.
pub fn refuse_by_status(user: &User) -> Result<()> {
    let who = user.login();
    let (why, what) = match user.status.as_str() {
        "DEPROVISIONED" => (
            "is deactivated (DEPROVISIONED)",
            "reactivate the user in the Okta Admin Console first, if they should have access",
        ),
        "STAGED" => (
            "was never activated (STAGED)",
            "activate the user instead; Okta then sends the activation email",
        ),
        "SUSPENDED" => (
            "is SUSPENDED",
            "unsuspend the user in the Okta Admin Console first",
        ),
        _ if user.provider_type() == "FEDERATION" => (
            "signs in through an external identity provider (FEDERATION)",
            "reset the password at that identity provider",
        ),
        _ => return Ok(()),
    };
    Err(Error::failed(format!(
        "cannot reset the password of {who}: the user {why}; nothing was sent"
    ))
    .hint(what))
}

/// The directory a user is sourced from, as named in messages.
pub fn directory_of(user: &User) -> Option<&'static str> {
    match user.provider_type() {
        "ACTIVE_DIRECTORY" => Some("Active Directory"),
        "LDAP" => Some("LDAP"),
        _ => None,
    }
}

/// A 403 (or E0000017, "Reset password failed") for a directory-sourced
/// user: most likely the directory or its agent said no. Which error code
/// Okta returns then is UNCONFIRMED, so the role is still named last.
pub fn directory_refusal(e: Error, dir: &str) -> Error {
    let cause = match e.error_code() {
        Some("E0000017") => "and the reset failed there",
        _ => "so the refusal may come from the directory as well as from the token's roles",
    };
    let e = e.why(format!(
        "the user is sourced from {dir}: Okta hands the reset to the {dir} agent, {cause}"
    ));
    let e = if dir == "Active Directory" {
        e.hint("the AD agent's service account needs the \"Reset Password\" right on the user, and write access to lockoutTime and pwdLastSet")
            .hint("accounts that are or were in protected groups (Domain Admins and the others AdminSDHolder guards) cannot be reset through the agent; the Okta and AD password policies must also agree, and the agent must answer in time")
            .hint("or reset the password in Active Directory itself")
    } else {
        e.hint(
            "the LDAP agent's account needs the right to set this user's password in the directory",
        )
        .hint("or reset the password in the directory itself")
    };
    e.hint("if the token's admin lacks the role instead: `oktactl check-perms --for passwords` shows what it holds")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sourced(kind: &str, status: &str) -> User {
        serde_json::from_value(serde_json::json!({
            "id": "00u1", "status": status, "profile": {"login": "j@x.com"},
            "credentials": {"provider": {"type": kind}}
        }))
        .unwrap()
    }

    #[test]
    fn directory_users_are_tried_federated_ones_refused() {
        assert!(refuse_by_status(&sourced("ACTIVE_DIRECTORY", "ACTIVE")).is_ok());
        assert!(refuse_by_status(&sourced("LDAP", "ACTIVE")).is_ok());
        assert!(refuse_by_status(&sourced("FEDERATION", "ACTIVE")).is_err());
        assert!(refuse_by_status(&sourced("OKTA", "SUSPENDED")).is_err());
        assert_eq!(
            directory_of(&sourced("ACTIVE_DIRECTORY", "ACTIVE")),
            Some("Active Directory")
        );
        assert_eq!(directory_of(&sourced("OKTA", "ACTIVE")), None);
    }
}
