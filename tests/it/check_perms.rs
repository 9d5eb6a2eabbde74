#![allow(clippy::panic)]

use crate::support::org::Org;
use crate::support::{group, okta_error, text, user, Sandbox};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

const ME: &str = "00uBOT";

fn role(id: &str, kind: &str) -> Value {
    json!({"id": id, "type": kind, "label": kind, "status": "ACTIVE", "assignmentType": "USER",
           "_links": {"assignee": {"href": format!("https://x.okta.com/api/v1/users/{ME}")}}})
}

/// `users/me` and the role listing, plus one targets mock per scopable role.
fn roles(org: &mut Org, list: &[(&str, &str, Value)]) -> Vec<Mock> {
    let mut mocks = vec![
        org.get("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE")),
        org.get(
            &format!("/api/v1/users/{ME}/roles"),
            Value::Array(list.iter().map(|(id, kind, _)| role(id, kind)).collect()),
        ),
    ];
    for (id, kind, targets) in list {
        let tail = match *kind {
            "APP_ADMIN" => "catalog/apps",
            "USER_ADMIN" | "HELP_DESK_ADMIN" | "GROUP_MEMBERSHIP_ADMIN" => "groups",
            _ => continue,
        };
        let path = format!("/api/v1/users/{ME}/roles/{id}/targets/{tail}");
        mocks.push(org.get(&path, targets.clone()));
    }
    mocks
}

fn run(org: &Org, args: &[&str]) -> (Option<i32>, Value, String) {
    let args = [&["check-perms"], args, &["-o", "json"]].concat();
    let (out, stdout, stderr) = Sandbox::new().run(&org.url(), &args);
    let v = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
    (out.status.code(), v, stderr)
}

fn result_of<'a>(v: &'a Value, right: &str) -> &'a str {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["right"] == right)
        .and_then(|c| c["result"].as_str())
        .unwrap_or("absent")
}

#[test]
fn provisioning_passes_with_membership_and_app_admin_exact_fields() {
    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            ("GMA1", "GROUP_MEMBERSHIP_ADMIN", json!([])),
            ("APP1", "APP_ADMIN", json!([])),
        ],
    );
    let (code, v, stderr) = run(&org, &["--for", "provisioning"]);
    assert_eq!(code, Some(0), "{stderr}");
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut want = [
        "ok",
        "for",
        "strict",
        "required",
        "missing",
        "excess",
        "roles",
        "groups_checked",
        "checks",
        "warnings",
    ];
    want.sort_unstable();
    assert_eq!(keys, want);
    assert_eq!(v["ok"], true);
    assert_eq!(v["for"], "provisioning");
    assert_eq!(v["required"], json!(["group_membership", "app_read"]));
    assert_eq!(v["missing"], json!([]));
    assert_eq!(v["excess"], json!([]));
    assert_eq!(v["roles"][0]["type"], "GROUP_MEMBERSHIP_ADMIN");
    assert_eq!(v["roles"][0]["scope"], "all");
    let check = &v["checks"][0];
    let mut fields: Vec<&str> = check
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    let want = [
        "description",
        "fix",
        "proven_by",
        "result",
        "right",
        "role",
        "scope",
    ];
    assert_eq!(fields, want);
    assert_eq!(check["result"], "PASS");
    assert_eq!(check["role"], "GROUP_MEMBERSHIP_ADMIN");
    assert_eq!(check["scope"], "all groups");
    assert_eq!(check["proven_by"], "role");
    assert_eq!(v["checks"][1]["scope"], "all apps");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn provisioning_fails_without_app_admin_and_names_the_fix() {
    let mut org = Org::new();
    let mocks = roles(&mut org, &[("UA1", "USER_ADMIN", json!([]))]);
    let (code, v, stderr) = run(&org, &["--for", "provisioning"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(v["ok"], false);
    assert_eq!(v["missing"], json!(["app_read"]));
    assert_eq!(result_of(&v, "group_membership"), "PASS");
    assert_eq!(result_of(&v, "app_read"), "FAIL");
    assert!(v["checks"][1]["fix"]
        .as_str()
        .unwrap()
        .contains("APP_ADMIN"));
    assert!(
        stderr.contains("error: check-perms found gaps: missing app_read"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: "), "{stderr}");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn passwords_passes_with_help_desk_and_report_admin() {
    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            ("HD1", "HELP_DESK_ADMIN", json!([])),
            ("RA1", "REPORT_ADMIN", json!(null)),
        ],
    );
    let (code, v, stderr) = run(&org, &["--for", "passwords"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["required"], json!(["password_reset", "log_read"]));
    assert_eq!(result_of(&v, "log_read"), "PASS");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn passwords_fails_without_report_admin_in_the_table() {
    let mut org = Org::new();
    let mocks = roles(&mut org, &[("HD1", "HELP_DESK_ADMIN", json!([]))]);
    let out = Sandbox::new()
        .cmd(&org.url())
        .args(["check-perms", "--for", "passwords"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.contains("CHECK"), "{stdout}");
    let row = stdout.lines().find(|l| l.contains("log_read")).unwrap();
    assert!(
        row.contains("FAIL") && row.contains("assign Report Administrator (REPORT_ADMIN)"),
        "{row}"
    );
    let row = stdout
        .lines()
        .find(|l| l.contains("password_reset"))
        .unwrap();
    assert!(
        row.contains("PASS") && row.contains("HELP_DESK_ADMIN"),
        "{row}"
    );
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn all_is_the_default_and_needs_both_jobs() {
    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            ("UA1", "USER_ADMIN", json!([])),
            ("APP1", "APP_ADMIN", json!([])),
        ],
    );
    let (code, v, _) = run(&org, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(v["for"], "all");
    assert_eq!(v["missing"], json!(["password_reset", "log_read"]));
    mocks.iter().for_each(Mock::assert);

    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            ("UA1", "USER_ADMIN", json!([])),
            ("APP1", "APP_ADMIN", json!([])),
            ("HD1", "HELP_DESK_ADMIN", json!([])),
            ("RA1", "REPORT_ADMIN", json!(null)),
        ],
    );
    let (code, v, stderr) = run(&org, &["--for", "all", "--strict"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["ok"], true);
    assert_eq!(v["required"].as_array().unwrap().len(), 4);
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn scoped_targets_cover_the_group_and_warn_about_group_admin_limits() {
    let mut org = Org::new();
    let mut mocks = roles(
        &mut org,
        &[
            (
                "UA1",
                "USER_ADMIN",
                json!([group("00gSALES", "Sales", "OKTA_GROUP")]),
            ),
            ("APP1", "APP_ADMIN", json!([])),
        ],
    );
    mocks.push(org.group_by_name("Sales", json!([group("00gSALES", "Sales", "OKTA_GROUP")])));
    mocks.push(org.get("/api/v1/groups/00gSALES/roles", json!([])));
    let (code, v, stderr) = run(&org, &["--for", "provisioning", "--group", "Sales"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        v["groups_checked"],
        json!([{"group": "Sales", "id": "00gSALES", "type": "OKTA_GROUP", "covered": true, "reasons": []}])
    );
    assert_eq!(v["checks"][0]["scope"], "groups: Sales");
    assert!(
        stderr.contains("warning: 'Sales': a scoped Group Admin"),
        "{stderr}"
    );
    assert!(v["warnings"][0]
        .as_str()
        .unwrap()
        .contains("already in one of its target groups"));
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn scoped_targets_not_covering_the_group_fail_with_the_fix() {
    let mut org = Org::new();
    let mut mocks = roles(
        &mut org,
        &[
            (
                "UA1",
                "USER_ADMIN",
                json!([group("00gSALES", "Sales", "OKTA_GROUP")]),
            ),
            ("APP1", "APP_ADMIN", json!([])),
        ],
    );
    mocks.push(org.group_by_name(
        "Marketing",
        json!([group("00gMKT", "Marketing", "OKTA_GROUP")]),
    ));
    mocks.push(org.get("/api/v1/groups/00gMKT/roles", json!([])));
    let (code, v, stderr) = run(&org, &["--for", "provisioning", "--group", "Marketing"]);
    assert_eq!(code, Some(1), "{stderr}");
    let g = &v["groups_checked"][0];
    assert_eq!(g["covered"], false);
    let reason = g["reasons"][0].as_str().unwrap();
    assert!(
        reason.contains("outside the targets of USER_ADMIN"),
        "{reason}"
    );
    assert!(
        reason.contains("add 'Marketing' to that role's target groups"),
        "{reason}"
    );
    assert_eq!(result_of(&v, "group Marketing"), "FAIL");
    assert_eq!(v["missing"], json!([]));
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn empty_targets_mean_all_groups() {
    let mut org = Org::new();
    let gid = "00g1234567890abcdefg";
    let mut mocks = roles(
        &mut org,
        &[
            ("UA1", "USER_ADMIN", json!([])),
            ("APP1", "APP_ADMIN", json!([])),
        ],
    );
    mocks.push(org.get(
        &format!("/api/v1/groups/{gid}"),
        group(gid, "Anything", "OKTA_GROUP"),
    ));
    mocks.push(org.get(&format!("/api/v1/groups/{gid}/roles"), json!([])));
    let (code, v, stderr) = run(&org, &["--for", "provisioning", "--group", gid]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["groups_checked"][0]["covered"], true);
    assert_eq!(v["roles"][0]["scope"], "all");
    assert!(!stderr.contains("scoped Group Admin"), "{stderr}");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn app_groups_and_groups_holding_admin_roles_fail() {
    let mut org = Org::new();
    let mut mocks = roles(
        &mut org,
        &[
            ("GMA1", "GROUP_MEMBERSHIP_ADMIN", json!([])),
            ("APP1", "APP_ADMIN", json!([])),
        ],
    );
    mocks.push(org.group_by_name("AD Staff", json!([group("00gAD", "AD Staff", "APP_GROUP")])));
    mocks.push(org.group_by_name("Admins", json!([group("00gADM", "Admins", "OKTA_GROUP")])));
    mocks.push(org.get(
        "/api/v1/groups/00gADM/roles",
        json!([role("gra9", "HELP_DESK_ADMIN")]),
    ));
    let (code, v, _) = run(
        &org,
        &[
            "--for",
            "provisioning",
            "--group",
            "AD Staff",
            "--group",
            "Admins",
        ],
    );
    assert_eq!(code, Some(1));
    let gs = v["groups_checked"].as_array().unwrap();
    assert!(gs[0]["reasons"][0].as_str().unwrap().contains("APP_GROUP"));
    assert!(gs[1]["reasons"][0]
        .as_str()
        .unwrap()
        .contains("only a Super Admin can change its members"));
    assert!(gs.iter().all(|g| g["covered"] == false));
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn strict_fails_on_super_admin_which_passes_without_it() {
    let mut org = Org::new();
    let mocks = roles(&mut org, &[("SA1", "SUPER_ADMIN", json!(null))]);
    let (code, v, stderr) = run(&org, &["--for", "all"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["excess"], json!(["SUPER_ADMIN"]));
    assert_eq!(result_of(&v, "password_reset"), "PASS");
    assert!(stderr.contains("--strict fails on this"), "{stderr}");
    mocks.iter().for_each(Mock::assert);

    let mut org = Org::new();
    let mocks = roles(&mut org, &[("SA1", "SUPER_ADMIN", json!(null))]);
    let (code, v, stderr) = run(&org, &["--for", "all", "--strict"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(v["ok"], false);
    assert_eq!(v["missing"], json!([]));
    assert_eq!(v["excess"], json!(["SUPER_ADMIN"]));
    assert_eq!(result_of(&v, "group_membership"), "EXCESS");
    assert_eq!(result_of(&v, "role SUPER_ADMIN"), "EXCESS");
    assert!(stderr.contains("excess"), "{stderr}");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn strict_fails_on_a_role_the_jobs_do_not_need() {
    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            ("GMA1", "GROUP_MEMBERSHIP_ADMIN", json!([])),
            ("APP1", "APP_ADMIN", json!([])),
            ("HD1", "HELP_DESK_ADMIN", json!([])),
        ],
    );
    let (code, v, _) = run(&org, &["--for", "provisioning", "--strict"]);
    assert_eq!(code, Some(1));
    assert_eq!(v["excess"], json!(["HELP_DESK_ADMIN"]));
    assert_eq!(result_of(&v, "role HELP_DESK_ADMIN"), "EXCESS");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn group_assigned_roles_count_with_their_group_targets() {
    let mut org = Org::new();
    let mut group_role = role("gra1", "HELP_DESK_ADMIN");
    group_role["assignmentType"] = json!("GROUP");
    group_role["_links"]["assignee"]["href"] =
        json!("https://x.okta.com/api/v1/groups/00gHELPDESK");
    let mocks = [
        org.get("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE")),
        org.get(
            &format!("/api/v1/users/{ME}/roles"),
            json!([group_role, role("RA1", "REPORT_ADMIN")]),
        ),
        org.get(
            "/api/v1/groups/00gHELPDESK/roles/gra1/targets/groups",
            json!([group("00gSTAFF", "Staff", "OKTA_GROUP")]),
        ),
    ];
    let (code, v, stderr) = run(&org, &["--for", "passwords"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["roles"][0]["assignment_type"], "GROUP");
    assert_eq!(v["roles"][0]["targets"]["groups"][0]["name"], "Staff");
    let check = &v["checks"][0];
    assert_eq!(check["role"], "HELP_DESK_ADMIN (via group 00gHELPDESK)");
    assert_eq!(check["scope"], "groups: Staff");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn refused_role_listing_falls_back_to_probes() {
    let mut org = Org::new();
    let mut mocks = vec![
        org.get("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE")),
        org.mock("GET", format!("/api/v1/users/{ME}/roles").as_str())
            .with_status(403)
            .with_body(okta_error(
                "E0000006",
                "You do not have permission to perform the requested action",
            ))
            .create(),
    ];
    for path in ["users", "groups", "logs"] {
        mocks.push(org.get(&format!("/api/v1/{path}"), json!([])));
    }
    mocks.push(
        org.mock("GET", "/api/v1/policies")
            .match_query(Matcher::UrlEncoded("type".into(), "PASSWORD".into()))
            .with_body("[]")
            .create(),
    );
    mocks.push(
        org.mock("GET", "/api/v1/apps")
            .match_query(Matcher::UrlEncoded("limit".into(), "1".into()))
            .with_status(403)
            .with_body(okta_error("E0000006", "You do not have permission"))
            .create(),
    );
    let (code, v, stderr) = run(&org, &["--for", "all"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("Okta refused to list this token's admin roles"),
        "{stderr}"
    );
    assert!(
        stderr.contains("checking with read-only probes"),
        "{stderr}"
    );
    assert_eq!(v["roles"], Value::Null);
    assert!(v["roles_error"].as_str().unwrap().contains("E0000006"));
    let probes = v["probes"].as_array().unwrap();
    assert_eq!(probes.len(), 5);
    assert_eq!(
        probes[0],
        json!({"request": "GET /api/v1/users?limit=1", "ok": true, "proves": "read users"})
    );
    assert_eq!(probes[2]["ok"], false);
    assert_eq!(result_of(&v, "log_read"), "PASS");
    assert_eq!(v["checks"][3]["proven_by"], "probe");
    assert_eq!(result_of(&v, "app_read"), "FAIL");
    assert_eq!(result_of(&v, "group_membership"), "FAIL");
    assert!(v["checks"][0]["fix"]
        .as_str()
        .unwrap()
        .contains("a read-only probe cannot prove this write right"));
    assert_eq!(
        v["missing"],
        json!(["group_membership", "app_read", "password_reset"])
    );
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn a_rejected_token_keeps_exit_code_4() {
    let mut org = Org::new();
    let me = org.rejects_token();
    let out = Sandbox::new()
        .cmd(&org.url())
        .args(["check-perms", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("error: "), "{stderr}");
    me.assert();
}
