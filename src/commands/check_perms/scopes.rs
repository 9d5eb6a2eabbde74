//! For a service app, a role is not enough: its rights are the granted
//! scopes ∩ the roles assigned to the app. A right whose scope Okta did not
//! grant fails, whatever the roles say.

use super::rows::Check;
use crate::perms::Right;

/// Turn passing rows into failures where the app lacks the scope.
pub fn apply(required: &[&'static Right], checks: &mut [Check], granted: &[String]) {
    for (right, check) in required.iter().zip(checks.iter_mut()) {
        let any_of = right.scopes;
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
    use super::super::rows::check;
    use super::*;
    use crate::perms::{required, Jobs};

    #[test]
    fn a_role_without_its_scope_fails() {
        let req = required(Jobs::Passwords);
        let mut checks: Vec<Check> = req
            .iter()
            .map(|r| {
                let mut c = check(r);
                c.result = "PASS";
                c.role = Some("HELP_DESK_ADMIN".into());
                c
            })
            .collect();
        apply(
            &req,
            &mut checks,
            &[
                "okta.logs.read".to_string(),
                "okta.policies.read".to_string(),
            ],
        );
        assert_eq!(checks[0].result, "FAIL");
        assert!(checks[0]
            .fix
            .as_deref()
            .unwrap_or("")
            .contains("okta.users.manage"));
        assert_eq!(checks[1].result, "PASS");
        assert_eq!(checks[2].result, "PASS");
    }
}
