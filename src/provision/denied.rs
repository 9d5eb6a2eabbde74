//! Why Okta refused a membership change (403): which of the scoped Group
//! Admin's limits applies, found once per run from the token's own roles.

use std::sync::OnceLock;

use crate::error::{Error, Kind};
use crate::okta::models::Group;
use crate::okta::roles::ScopedRole;
use crate::okta::Client;

/// Role types that can change group membership.
const MEMBERSHIP_ROLES: &[&str] = &["USER_ADMIN", "GROUP_MEMBERSHIP_ADMIN"];

/// What the token's roles say about the group.
#[derive(Debug, Clone)]
enum Finding {
    /// The group holds admin roles: only a Super Admin may change it.
    AdminGroup,
    /// No membership role covers the group; the targets they do cover.
    Outside(Vec<String>),
    /// A scoped Group Admin covers the group, so the user must already be
    /// in one of these groups (id, name).
    UserScope(Vec<(String, String)>),
    /// No role that can change membership at all; the roles held.
    NoRole(Vec<String>),
    /// Okta refused to show the roles too.
    Unreadable,
    /// The roles seem to cover the change.
    Unknown,
}

/// Explains 403s on one group; shared by the workers of a run.
pub struct Explainer<'a> {
    client: &'a Client,
    group: &'a Group,
    finding: OnceLock<Finding>,
}

fn role_name(kind: &str) -> &str {
    match kind {
        "USER_ADMIN" => "Group Admin",
        "GROUP_MEMBERSHIP_ADMIN" => "Group Membership Admin",
        other => other,
    }
}

impl<'a> Explainer<'a> {
    pub fn new(client: &'a Client, group: &'a Group) -> Explainer<'a> {
        Explainer {
            client,
            group,
            finding: OnceLock::new(),
        }
    }

    /// Turn a 403 on a PUT/DELETE into an error that says which case applies.
    pub fn explain(&self, e: Error, adding: bool, login: &str) -> Error {
        if e.kind != Kind::Permission {
            return e;
        }
        let finding = self.finding.get_or_init(|| self.find());
        let g = &self.group.profile.name;
        let why = match finding {
            Finding::AdminGroup => format!(
                "'{g}' holds admin roles: only a Super Admin can change its members, and the token's Group Admin role does not cover it"
            ),
            Finding::Outside(targets) => format!(
                "'{g}' is outside the targets of the token's Group Admin role, which covers only: {}",
                targets.join(", ")
            ),
            Finding::UserScope(targets) if adding => format!(
                "the token's Group Admin role covers '{g}', but it can add only users already in one of its groups ({}), and {login} is in none of them",
                names(targets)
            ),
            Finding::NoRole(held) => format!(
                "the token's Group Admin role does not cover this: the token holds no Group Admin or Group Membership Admin role (it has: {}); Help Desk Admin cannot change group membership",
                if held.is_empty() { "none".into() } else { held.join(", ") }
            ),
            Finding::Unreadable => "the token's Group Admin role does not cover this, and Okta refused to show the token's roles too (403), so which limit applies is not known: the group may be outside the role's targets, the user in none of the role's groups, or the group may hold admin roles (only a Super Admin can change those)".to_string(),
            Finding::UserScope(_) | Finding::Unknown => format!(
                "the token's roles seem to cover '{g}'; Okta still refused, which happens when the group holds admin roles (only a Super Admin can change those)"
            ),
        };
        e.why(why).hint(format!(
            "check with `oktactl check-perms --for provisioning --group {}`",
            self.group.id
        ))
    }

    /// For a dry run: why Okta would refuse this change, when the token's
    /// roles (readable) already say so. `None`: no reason known.
    pub fn preview(&self, adding: bool, user_id: &str, login: &str) -> Option<String> {
        let finding = self.finding.get_or_init(|| self.find());
        match finding {
            Finding::AdminGroup | Finding::Outside(_) | Finding::NoRole(_) => {
                Some(self.explain(denied(), adding, login).short())
            }
            Finding::UserScope(targets) if adding => {
                let url = self.client.api(&["users", user_id, "groups"]).ok()?;
                let mut inside = false;
                for g in self.client.pages::<Group>(url) {
                    let g = g.ok()?;
                    if targets.iter().any(|(id, _)| *id == g.id) {
                        inside = true;
                        break;
                    }
                }
                (!inside).then(|| self.explain(denied(), adding, login).short())
            }
            _ => None,
        }
    }

    fn find(&self) -> Finding {
        if self.client.group_has_roles(&self.group.id).unwrap_or(false) {
            return Finding::AdminGroup;
        }
        let Some(roles) = self.token_roles() else {
            return Finding::Unreadable;
        };
        classify(&roles, &self.group.id)
    }

    fn token_roles(&self) -> Option<Vec<ScopedRole>> {
        token_roles(self.client)
    }
}

/// The credential's own roles with their targets: a service app's from its
/// client roles (`/oauth2/v1/clients/{id}/roles`, never `/users/me`), an API
/// token's from its admin account. `None` when Okta does not show them.
pub fn token_roles(client: &Client) -> Option<Vec<ScopedRole>> {
    client.own_roles().ok()
}

/// Why a group would be refused to these roles, for a picker: `None` when
/// the roles seem to cover it.
pub fn outside_reason(roles: &[ScopedRole], group_id: &str) -> Option<&'static str> {
    match classify(roles, group_id) {
        Finding::Outside(_) => Some("outside the token's Group Admin targets"),
        Finding::NoRole(_) => Some("no role of the token can change its members"),
        _ => None,
    }
}

/// A stand-in 403 for a dry run's explanation.
fn denied() -> Error {
    Error::new(Kind::Permission, "Okta would refuse this change (403)")
}

fn names(targets: &[(String, String)]) -> String {
    targets
        .iter()
        .map(|(_, name)| format!("'{name}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn classify(roles: &[ScopedRole], group_id: &str) -> Finding {
    let kinds: Vec<&str> = roles.iter().map(|r| r.role.kind.as_str()).collect();
    if kinds
        .iter()
        .any(|k| *k == "SUPER_ADMIN" || *k == "ORG_ADMIN")
    {
        return Finding::Unknown;
    }
    let membership: Vec<&ScopedRole> = roles
        .iter()
        .filter(|r| MEMBERSHIP_ROLES.contains(&r.role.kind.as_str()))
        .collect();
    if membership.is_empty() {
        return Finding::NoRole(kinds.iter().map(|k| role_name(k).to_string()).collect());
    }
    let covers =
        |r: &&&ScopedRole| r.groups.is_empty() || r.groups.iter().any(|g| g.id == group_id);
    let covering: Vec<&&ScopedRole> = membership.iter().filter(covers).collect();
    if covering.is_empty() {
        let mut targets: Vec<String> = membership
            .iter()
            .flat_map(|r| {
                r.groups
                    .iter()
                    .map(|g| format!("'{}' ({})", g.profile.name, g.id))
            })
            .collect();
        targets.dedup();
        return Finding::Outside(targets);
    }
    // Group Membership Admin, or an unscoped Group Admin, may add anyone.
    let user_limited = covering
        .iter()
        .all(|r| r.role.kind == "USER_ADMIN" && !r.groups.is_empty());
    if user_limited {
        let targets = covering
            .iter()
            .flat_map(|r| {
                r.groups
                    .iter()
                    .map(|g| (g.id.clone(), g.profile.name.clone()))
            })
            .collect();
        return Finding::UserScope(targets);
    }
    Finding::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::okta::models::Role;

    fn role(kind: &str, groups: &[&str]) -> ScopedRole {
        ScopedRole {
            role: Role {
                kind: kind.into(),
                ..Role::default()
            },
            groups: groups
                .iter()
                .map(|id| Group {
                    id: id.to_string(),
                    ..Group::default()
                })
                .collect(),
            ..ScopedRole::default()
        }
    }

    #[test]
    fn classifies_the_scoped_cases() {
        let outside = classify(&[role("USER_ADMIN", &["00ga"])], "00gb");
        assert!(matches!(outside, Finding::Outside(t) if t.len() == 1));
        let user = classify(&[role("USER_ADMIN", &["00ga", "00gb"])], "00gb");
        assert!(matches!(user, Finding::UserScope(t) if t.len() == 2));
        let gma = classify(&[role("GROUP_MEMBERSHIP_ADMIN", &["00gb"])], "00gb");
        assert!(matches!(gma, Finding::Unknown));
        let none = classify(&[role("HELP_DESK_ADMIN", &[])], "00gb");
        assert!(matches!(none, Finding::NoRole(_)));
        let all = classify(&[role("USER_ADMIN", &[])], "00gb");
        assert!(matches!(all, Finding::Unknown));
    }

    #[test]
    fn the_picker_marks_groups_outside_the_roles() {
        let roles = [role("USER_ADMIN", &["00ga"])];
        assert!(outside_reason(&roles, "00gb").is_some_and(|r| r.contains("outside")));
        assert_eq!(outside_reason(&roles, "00ga"), None);
        let helpdesk = [role("HELP_DESK_ADMIN", &[])];
        assert!(outside_reason(&helpdesk, "00ga").is_some());
    }
}
