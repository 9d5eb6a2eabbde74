//! The role model, one row at a time.

use super::*;
use crate::okta::models::{Group, Role};

fn held(kind: &str, groups: &[&str]) -> ScopedRole {
    ScopedRole {
        role: Role {
            kind: kind.into(),
            ..Role::default()
        },
        groups: groups
            .iter()
            .map(|g| Group {
                id: g.to_string(),
                profile: crate::okta::models::GroupProfile {
                    name: g.to_string(),
                    description: None,
                },
                ..Group::default()
            })
            .collect(),
        ..ScopedRole::default()
    }
}

fn right(key: &str) -> &'static Right {
    RIGHTS.iter().find(|r| r.key == key).unwrap()
}

fn passes(key: &str, roles: &[ScopedRole]) -> bool {
    !matches!(evaluate(right(key), roles), Outcome::Fail)
}

#[test]
fn jobs_select_rights() {
    let keys = |j| required(j).iter().map(|r| r.key).collect::<Vec<_>>();
    assert_eq!(keys(Jobs::Provisioning), ["group_membership", "app_read"]);
    assert_eq!(
        keys(Jobs::Passwords),
        ["password_reset", "log_read", "policy_read"]
    );
    assert_eq!(
        keys(Jobs::Containment),
        ["sessions_clear", "suspend", "tac"]
    );
    assert_eq!(keys(Jobs::All).len(), 5);
    assert_eq!(SESSIONS.key, "sessions_clear");
    assert_eq!(SUSPEND.key, "suspend");
    assert_eq!(TAC.key, "tac");
    assert_eq!(GROUP_MEMBERSHIP.key, "group_membership");
    assert_eq!(PASSWORD_RESET.key, "password_reset");
}

/// Each row of the model: (right, role, gives it).
#[test]
fn each_role_gives_exactly_its_rights() {
    let table: &[(&str, &str, bool)] = &[
        ("group_membership", "USER_ADMIN", true),
        ("group_membership", "GROUP_MEMBERSHIP_ADMIN", true),
        ("group_membership", "HELP_DESK_ADMIN", false),
        ("group_membership", "APP_ADMIN", false),
        ("app_read", "APP_ADMIN", true),
        ("app_read", "USER_ADMIN", false),
        ("password_reset", "HELP_DESK_ADMIN", true),
        ("password_reset", "USER_ADMIN", true),
        ("password_reset", "GROUP_MEMBERSHIP_ADMIN", false),
        ("password_reset", "REPORT_ADMIN", false),
        ("log_read", "REPORT_ADMIN", true),
        ("log_read", "READ_ONLY_ADMIN", true),
        ("log_read", "HELP_DESK_ADMIN", false),
        ("policy_read", "READ_ONLY_ADMIN", true),
        ("policy_read", "REPORT_ADMIN", false),
        ("policy_read", "HELP_DESK_ADMIN", false),
        ("sessions_clear", "HELP_DESK_ADMIN", true),
        ("sessions_clear", "USER_ADMIN", true),
        ("sessions_clear", "GROUP_MEMBERSHIP_ADMIN", false),
        ("sessions_clear", "REPORT_ADMIN", false),
        ("suspend", "USER_ADMIN", true),
        ("suspend", "HELP_DESK_ADMIN", false),
        ("suspend", "GROUP_MEMBERSHIP_ADMIN", false),
        ("tac", "HELP_DESK_ADMIN", false),
        ("tac", "USER_ADMIN", false),
        ("tac", "CUSTOM", false),
    ];
    for (key, kind, gives) in table {
        assert_eq!(passes(key, &[held(kind, &[])]), *gives, "{key} by {kind}");
    }
    for key in RIGHTS.iter().map(|r| r.key) {
        for org in ORG_WIDE {
            assert!(
                matches!(evaluate(right(key), &[held(org, &[])]), Outcome::OrgWide(_)),
                "{key} by {org}"
            );
        }
    }
}

#[test]
fn group_admin_resets_passwords_only_within_its_targets() {
    let roles = [held("USER_ADMIN", &["00gA"])];
    assert!(covers(PASSWORD_RESET, &roles, "00gA"));
    assert!(!covers(PASSWORD_RESET, &roles, "00gB"));
    assert_eq!(scope_text(PASSWORD_RESET, &roles), "groups: 00gA");
    let helpdesk = [held("HELP_DESK_ADMIN", &[])];
    assert!(covers(PASSWORD_RESET, &helpdesk, "00gB"));
    assert_eq!(scope_text(PASSWORD_RESET, &helpdesk), "all groups");
}

#[test]
fn strict_does_not_call_group_admin_excess_when_passwords_are_selected() {
    let roles = [
        held("USER_ADMIN", &["00gA"]),
        held("REPORT_ADMIN", &[]),
        held("READ_ONLY_ADMIN", &[]),
    ];
    assert!(excess(Jobs::Passwords, &roles).is_empty());
    assert!(excess(Jobs::All, &roles).is_empty());
    assert_eq!(
        excess(Jobs::Provisioning, &roles),
        ["READ_ONLY_ADMIN", "REPORT_ADMIN"]
    );
    assert_eq!(
        excess(Jobs::Passwords, &[held("GROUP_MEMBERSHIP_ADMIN", &[])]),
        ["GROUP_MEMBERSHIP_ADMIN"]
    );
}

#[test]
fn org_wide_roles_give_everything_and_are_excess() {
    let roles = vec![held("SUPER_ADMIN", &[])];
    assert!(covers(GROUP_MEMBERSHIP, &roles, "00gX"));
    assert_eq!(excess(Jobs::All, &roles), ["SUPER_ADMIN"]);
}

#[test]
fn group_held_roles_name_their_group() {
    let mut r = held("HELP_DESK_ADMIN", &[]);
    r.via_group = Some(GroupRef {
        id: "00gHD".into(),
        name: "Helpdesk".into(),
    });
    assert_eq!(role_name(&r), "HELP_DESK_ADMIN (via group Helpdesk)");
    let direct = held("USER_ADMIN", &[]);
    assert_eq!(via_group(&[&r]).map(|g| g.name), Some("Helpdesk".into()));
    assert_eq!(via_group(&[&r, &direct]), None);
    assert_eq!(kinds(&[&r, &direct]), "HELP_DESK_ADMIN, USER_ADMIN");
}

#[test]
fn containment_needs_group_admin_for_suspend_and_a_custom_role_for_tac() {
    let helpdesk = [held("HELP_DESK_ADMIN", &[])];
    let missing = |roles: &[ScopedRole]| {
        required(Jobs::Containment)
            .into_iter()
            .filter(|r| matches!(evaluate(r, roles), Outcome::Fail))
            .map(|r| r.key)
            .collect::<Vec<_>>()
    };
    assert_eq!(missing(&helpdesk), ["suspend", "tac"]);
    assert_eq!(missing(&[held("USER_ADMIN", &["00gA"])]), ["tac"]);
    assert!(covers(SUSPEND, &[held("USER_ADMIN", &["00gA"])], "00gA"));
    assert!(!covers(SUSPEND, &helpdesk, "00gA"));
    assert!(missing(&[held("SUPER_ADMIN", &[])]).is_empty());
    // Containment is not part of `all`; Help Desk Admin is not excess for it.
    assert!(!Jobs::All.includes(Jobs::Containment));
    assert!(excess(Jobs::Containment, &helpdesk).is_empty());
}

#[test]
fn inactive_roles_do_not_count() {
    let mut r = held("HELP_DESK_ADMIN", &[]);
    r.role.status = Some("INACTIVE".into());
    assert!(!passes("password_reset", &[r]));
}
