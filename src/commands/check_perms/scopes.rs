//! For a service app, a role is not enough: its rights are the granted
//! scopes ∩ the roles assigned to the app. A right whose scope Okta did not
//! grant fails, whatever the roles say.

use super::rows::Check;
use crate::perms::Right;

/// The scopes that allow a right's endpoints (any one of them; `manage`
/// implies `read`).
pub fn needed(right: &Right) -> &'static [&'static str] {
    match right.key {
        "group_membership" => &["okta.groups.manage"],
        "app_read" => &["okta.apps.read", "okta.apps.manage"],
        "password_reset" => &["okta.users.manage"],
        "log_read" => &["okta.logs.read"],
        _ => &[],
    }
}

/// Turn passing rows into failures where the app lacks the scope.
pub fn apply(required: &[&'static Right], checks: &mut [Check], granted: &[String]) {
    for (right, check) in required.iter().zip(checks.iter_mut()) {
        let any_of = needed(right);
        if any_of.is_empty() || any_of.iter().any(|s| granted.iter().any(|g| g == s)) {
            continue;
        }
        let scope = any_of[0];
        let by = if check.result == "FAIL" {
            right.fix.to_string()
        } else {
            format!(
                "the role is there ({})",
                check.role.clone().unwrap_or_default()
            )
        };
        check.result = "FAIL";
        check.fix = Some(format!(
            "grant the scope {scope} to the service app (Okta API Scopes tab; only a Super Admin can); {by}"
        ));
        check.scope = Some(format!("scope {scope} not granted"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perms::{required, Jobs};

    fn row(result: &'static str) -> Check {
        Check {
            right: "x".into(),
            description: String::new(),
            result,
            role: Some("HELP_DESK_ADMIN".into()),
            scope: None,
            proven_by: Some("role"),
            fix: None,
        }
    }

    #[test]
    fn a_role_without_its_scope_fails() {
        let req = required(Jobs::Passwords);
        let mut checks: Vec<Check> = req.iter().map(|_| row("PASS")).collect();
        apply(&req, &mut checks, &["okta.logs.read".to_string()]);
        assert_eq!(checks[0].result, "FAIL");
        assert!(checks[0]
            .fix
            .as_deref()
            .unwrap_or("")
            .contains("okta.users.manage"));
        assert_eq!(checks[1].result, "PASS");
    }
}
