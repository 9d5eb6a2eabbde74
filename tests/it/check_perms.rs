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

/// A healthy API token of `owner`: far from expiry, limited to a zone.
pub fn healthy_token(owner: &str) -> Value {
    let expires = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * 25);
    json!({"id": "00Tok", "name": "ci", "userId": owner, "tokenWindow": "P30D",
           "expiresAt": expires.to_string(), "created": "2026-01-01T00:00:00.000Z",
           "network": {"connection": "ZONE", "include": ["nzoCI"], "exclude": []}})
}

/// `users/me` and the role listing, plus one targets mock per scopable role,
/// and the API token list (one healthy token of the bot).
fn roles(org: &mut Org, list: &[(&str, &str, Value)]) -> Vec<Mock> {
    let mut mocks = vec![
        org.get("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE")),
        org.get(
            &format!("/api/v1/users/{ME}/roles"),
            Value::Array(list.iter().map(|(id, kind, _)| role(id, kind)).collect()),
        ),
        org.get("/api/v1/api-tokens", json!([healthy_token(ME)])),
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
        "subject",
        "health",
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
    assert_eq!(v["roles"][0]["via_group"], Value::Null);
    assert_eq!(
        v["subject"],
        json!({"kind": "user", "id": ME, "name": "bot@acme.com", "self": true})
    );
    assert_eq!(v["health"]["kind"], "api_token");
    assert_eq!(v["health"]["tokens"][0]["network"], "ZONE");
    let health: Vec<&str> = v["health"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["result"].as_str().unwrap())
        .collect();
    assert_eq!(health, ["PASS", "PASS", "PASS"]);
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
        "via_group",
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
fn passwords_pass_with_help_desk_and_read_only_admin() {
    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            ("HD1", "HELP_DESK_ADMIN", json!([])),
            ("RO1", "READ_ONLY_ADMIN", json!(null)),
        ],
    );
    let (code, v, stderr) = run(&org, &["--for", "passwords", "--strict"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        v["required"],
        json!(["password_reset", "log_read", "policy_read"])
    );
    assert_eq!(v["checks"][1]["role"], "READ_ONLY_ADMIN");
    assert_eq!(result_of(&v, "log_read"), "PASS");
    assert_eq!(result_of(&v, "policy_read"), "PASS");
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn report_admin_reads_the_log_but_not_the_password_policies() {
    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            ("HD1", "HELP_DESK_ADMIN", json!([])),
            ("RA1", "REPORT_ADMIN", json!(null)),
        ],
    );
    let (code, v, stderr) = run(&org, &["--for", "passwords"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(result_of(&v, "log_read"), "PASS");
    assert_eq!(v["missing"], json!(["policy_read"]));
    let fix = v["checks"][2]["fix"].as_str().unwrap();
    assert!(
        fix.contains("READ_ONLY_ADMIN") && fix.contains("UNCONFIRMED"),
        "{fix}"
    );
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn a_scoped_group_admin_resets_passwords_and_is_not_excess_under_strict() {
    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            (
                "UA1",
                "USER_ADMIN",
                json!([group("00gSTAFF", "Staff", "OKTA_GROUP")]),
            ),
            ("RO1", "READ_ONLY_ADMIN", json!(null)),
        ],
    );
    let (code, v, stderr) = run(&org, &["--for", "passwords", "--strict"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["excess"], json!([]));
    let c = &v["checks"][0];
    assert_eq!(
        (&c["right"], &c["result"], &c["role"], &c["scope"]),
        (
            &json!("password_reset"),
            &json!("PASS"),
            &json!("USER_ADMIN"),
            &json!("groups: Staff")
        )
    );
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn passwords_fail_without_a_log_role_in_the_table() {
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
        row.contains("FAIL")
            && row.contains("assign Report Administrator (REPORT_ADMIN) or Read-only Administrator (READ_ONLY_ADMIN)"),
        "{row}"
    );
    // The credential's health follows the rights, in a table of its own.
    assert!(stdout.contains("CREDENTIAL"), "{stdout}");
    let row = stdout.lines().find(|l| l.contains("token owner")).unwrap();
    assert!(
        row.contains("PASS") && row.contains("bot@acme.com is ACTIVE"),
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
            ("GMA1", "GROUP_MEMBERSHIP_ADMIN", json!([])),
            ("APP1", "APP_ADMIN", json!([])),
        ],
    );
    let (code, v, _) = run(&org, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(v["for"], "all");
    assert_eq!(
        v["missing"],
        json!(["password_reset", "log_read", "policy_read"])
    );
    mocks.iter().for_each(Mock::assert);

    // Group Admin, App Admin and Read-only Admin are exactly enough.
    let mut org = Org::new();
    let mocks = roles(
        &mut org,
        &[
            ("UA1", "USER_ADMIN", json!([])),
            ("APP1", "APP_ADMIN", json!([])),
            ("RO1", "READ_ONLY_ADMIN", json!(null)),
        ],
    );
    let (code, v, stderr) = run(&org, &["--for", "all", "--strict"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["ok"], true);
    assert_eq!(v["required"].as_array().unwrap().len(), 5);
    assert_eq!(v["excess"], json!([]));
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
        org.get_n("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE"), 2),
        org.get_n(
            &format!("/api/v1/users/{ME}/roles"),
            json!([group_role, role("RO1", "READ_ONLY_ADMIN")]),
            2,
        ),
        org.get_n(
            "/api/v1/groups/00gHELPDESK/roles/gra1/targets/groups",
            json!([group("00gSTAFF", "Staff", "OKTA_GROUP")]),
            2,
        ),
        // The group holding the role, named once.
        org.get_n(
            "/api/v1/groups/00gHELPDESK",
            group("00gHELPDESK", "Helpdesk", "OKTA_GROUP"),
            2,
        ),
        org.get_n("/api/v1/api-tokens", json!([healthy_token(ME)]), 2),
    ];
    let out = Sandbox::new()
        .cmd(&org.url())
        .args(["check-perms", "--for", "passwords"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let row = stdout
        .lines()
        .find(|l| l.contains("password_reset"))
        .unwrap();
    assert!(
        row.contains("HELP_DESK_ADMIN (via group Helpdesk)"),
        "{row}"
    );
    let (code, v, stderr) = run(&org, &["--for", "passwords"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v["roles"][0]["assignment_type"], "GROUP");
    assert_eq!(
        v["roles"][0]["via_group"],
        json!({"id": "00gHELPDESK", "name": "Helpdesk"})
    );
    assert_eq!(v["roles"][0]["targets"]["groups"][0]["name"], "Staff");
    let check = &v["checks"][0];
    assert_eq!(check["role"], "HELP_DESK_ADMIN");
    assert_eq!(
        check["via_group"],
        json!({"id": "00gHELPDESK", "name": "Helpdesk"})
    );
    assert_eq!(check["scope"], "groups: Staff");
    assert_eq!(v["checks"][1]["via_group"], Value::Null);
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
    // Nor may it list API tokens: its health rows say unknown, never fail.
    mocks.push(
        org.mock("GET", "/api/v1/api-tokens")
            .with_status(403)
            .with_body(okta_error("E0000006", "You do not have permission"))
            .create(),
    );
    let (code, v, stderr) = run(&org, &["--for", "all"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("Okta refused to list this credential's admin roles"),
        "{stderr}"
    );
    let line = "warning: write rights (group_membership, password_reset) cannot be proven this way: have an auditor credential (a Super Admin) run `oktactl check-perms --subject bot@acme.com`";
    assert_eq!(stderr.matches(line).count(), 1, "{stderr}");
    let rows = v["health"]["checks"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["result"], "PASS");
    assert_eq!(rows[1]["check"], "api tokens");
    assert_eq!(rows[1]["result"], "UNKNOWN");
    let detail = rows[1]["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("unknown: Okta refused to list API tokens")
            && detail.contains("E0000006"),
        "{detail}"
    );
    assert!(rows[1]["fix"]
        .as_str()
        .unwrap()
        .contains("--subject bot@acme.com"));
    assert_eq!(v["health"]["tokens"], Value::Null);
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
    assert_eq!(result_of(&v, "policy_read"), "PASS");
    assert_eq!(v["checks"][3]["proven_by"], "probe");
    assert_eq!(result_of(&v, "app_read"), "FAIL");
    assert_eq!(result_of(&v, "group_membership"), "FAIL");
    assert!(v["checks"][0]["fix"]
        .as_str()
        .unwrap()
        .contains("a read-only probe cannot prove this write right: have an auditor (a Super Admin) run `oktactl check-perms --subject bot@acme.com`"));
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

const BOT: &str = "00uCIBOT";
const APP: &str = "0oaCIBOT1234567890ab";

#[test]
fn subject_audits_a_bot_user_with_the_auditors_credential() {
    let mut org = Org::new();
    let mut ua = role("UA1", "USER_ADMIN");
    ua["_links"]["assignee"]["href"] = json!(format!("https://x.okta.com/api/v1/users/{BOT}"));
    let expires = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * 3);
    let mocks = [
        // The auditor's own account and roles are never read.
        org.mock("GET", "/api/v1/users/me").expect(0).create(),
        org.user("ci-bot%40acme.com", user(BOT, "ci-bot@acme.com", "ACTIVE")),
        org.get(
            &format!("/api/v1/users/{BOT}/roles"),
            json!([ua, role("RO1", "READ_ONLY_ADMIN")]),
        ),
        org.get(
            &format!("/api/v1/users/{BOT}/roles/UA1/targets/groups"),
            json!([group("00gSTAFF", "Staff", "OKTA_GROUP")]),
        ),
        org.get(
            "/api/v1/api-tokens",
            json!([
                {"id": "00Tbot", "name": "ci", "userId": BOT, "expiresAt": expires.to_string(),
                 "tokenWindow": "P30D", "network": {"connection": "ZONE", "include": ["nzoCI"]}},
                healthy_token(ME),
            ]),
        ),
    ];
    let (code, v, stderr) = run(
        &org,
        &[
            "--for",
            "passwords",
            "--strict",
            "--subject",
            "ci-bot@acme.com",
        ],
    );
    assert_eq!(code, Some(0), "a WARN does not fail: {stderr}");
    assert!(
        stderr.contains(&format!(
            "auditing user ci-bot@acme.com ({BOT}) with the credential of profile 'default'"
        )),
        "{stderr}"
    );
    assert_eq!(
        v["subject"],
        json!({"kind": "user", "id": BOT, "name": "ci-bot@acme.com", "self": false})
    );
    assert_eq!(result_of(&v, "password_reset"), "PASS");
    assert_eq!(v["checks"][0]["scope"], "groups: Staff");
    let h = &v["health"];
    assert_eq!(h["principal"], "ci-bot@acme.com");
    assert_eq!(h["tokens"].as_array().unwrap().len(), 1, "only the bot's");
    assert_eq!(h["checks"][1]["result"], "WARN");
    assert!(h["checks"][1]["check"]
        .as_str()
        .unwrap()
        .ends_with("(00Tbot) expiry"));
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn subject_audits_a_service_app_its_roles_scopes_and_keys() {
    let mut org = Org::new();
    let created = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 400);
    let client_roles = format!("/oauth2/v1/clients/{APP}/roles");
    let mocks = [
        org.mock("GET", "/api/v1/users/me").expect(0).create(),
        org.get(
            &format!("/api/v1/apps/{APP}"),
            json!({"id": APP, "name": "oidc_client", "label": "CI bot", "status": "ACTIVE"}),
        ),
        org.get(
            &client_roles,
            json!([
                {"id": "irb1", "type": "HELP_DESK_ADMIN", "label": "Help Desk Administrator", "status": "ACTIVE"},
                {"id": "irb2", "type": "READ_ONLY_ADMIN", "label": "Read-only Administrator", "status": "ACTIVE"}
            ]),
        ),
        org.get(&format!("{client_roles}/irb1/targets/groups"), json!([])),
        org.get(
            &format!("/api/v1/apps/{APP}/grants"),
            json!([
                {"id": "oag1", "scopeId": "okta.users.read", "status": "ACTIVE"},
                {"id": "oag2", "scopeId": "okta.logs.read", "status": "ACTIVE"},
                {"id": "oag3", "scopeId": "okta.policies.read", "status": "ACTIVE"},
                {"id": "oag4", "scopeId": "okta.users.manage", "status": "REVOKED"}
            ]),
        ),
        // The spec's example shape of the key list.
        org.get(
            &format!("/api/v1/apps/{APP}/credentials/jwks"),
            json!({"jwks": {"keys": [
                {"id": "pks1", "kid": "k1", "kty": "RSA", "use": "sig", "status": "ACTIVE", "created": created.to_string()},
                {"id": "pks2", "kid": "k0", "kty": "RSA", "use": "sig", "status": "INACTIVE", "created": created.to_string()}
            ]}}),
        ),
    ];
    let (code, v, stderr) = run(&org, &["--for", "passwords", "--subject", APP]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        v["subject"],
        json!({"kind": "service_app", "id": APP, "name": "CI bot", "self": false})
    );
    assert_eq!(v["missing"], json!(["password_reset"]));
    let fix = v["checks"][0]["fix"].as_str().unwrap();
    assert!(fix.contains("grant the scope okta.users.manage"), "{fix}");
    assert_eq!(result_of(&v, "log_read"), "PASS");
    assert_eq!(result_of(&v, "policy_read"), "PASS");
    let h = &v["health"];
    assert_eq!(h["kind"], "service_app");
    assert_eq!(h["keys"].as_array().unwrap().len(), 2);
    assert_eq!(h["checks"].as_array().unwrap().len(), 1, "active keys only");
    assert_eq!(h["checks"][0]["result"], "WARN");
    assert!(h["checks"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("400 days ago"));
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn subject_roles_refused_to_the_auditor_exit_5_naming_who_may_read_them() {
    let mut org = Org::new();
    let mocks = [
        org.user("ci-bot%40acme.com", user(BOT, "ci-bot@acme.com", "ACTIVE")),
        org.mock("GET", format!("/api/v1/users/{BOT}/roles").as_str())
            .with_status(403)
            .with_body(okta_error("E0000006", "You do not have permission"))
            .create(),
    ];
    let out = Sandbox::new()
        .cmd(&org.url())
        .args(["check-perms", "--subject", "ci-bot@acme.com", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("reading the admin roles of ci-bot@acme.com"),
        "{stderr}"
    );
    assert!(
        stderr.contains("only a Super Admin can view other admins' role assignments")
            || stderr.contains("Okta lets only a Super Admin view other admins' role assignments"),
        "{stderr}"
    );
    assert!(stderr.contains("--profile auditor"), "{stderr}");
    mocks.iter().for_each(Mock::assert);

    // Neither a user nor a client id: not found (exit 3).
    let mut org = Org::new();
    let mocks = [
        org.no_user("nobody"),
        org.mock("GET", "/api/v1/apps/nobody")
            .with_status(404)
            .with_body(okta_error("E0000007", "Not found"))
            .create(),
        org.mock("GET", "/oauth2/v1/clients/nobody/roles")
            .with_status(404)
            .with_body(okta_error("E0000007", "Not found"))
            .create(),
    ];
    let (out, _, stderr) = Sandbox::new().run(&org.url(), &["check-perms", "--subject", "nobody"]);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("--subject nobody: no user, and no service app with that client id"),
        "{stderr}"
    );
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn a_403_names_every_role_that_gives_the_right() {
    let forbidden = || okta_error("E0000006", "You do not have permission");
    let mut org = Org::new();
    let mocks = [
        org.user("00u1", user("00u1", "jane@acme.com", "LOCKED_OUT")),
        org.mock("POST", "/api/v1/users/00u1/lifecycle/unlock")
            .with_status(403)
            .with_body(forbidden())
            .create(),
        org.user("00u2", user("00u2", "bob@acme.com", "ACTIVE")),
        org.mock("GET", "/api/v1/logs")
            .match_query(Matcher::Any)
            .with_status(403)
            .with_body(forbidden())
            .create(),
        org.mock("GET", "/api/v1/policies")
            .match_query(Matcher::Any)
            .with_status(403)
            .with_body(forbidden())
            .create(),
    ];
    let sb = Sandbox::new();
    let cases: [(&[&str], &[&str]); 3] = [
        (
            &["unlock", "00u1"],
            &[
                "Help Desk Admin (HELP_DESK_ADMIN)",
                "Group Admin (USER_ADMIN)",
            ],
        ),
        (
            &["log", "00u2"],
            &[
                "Report Admin (REPORT_ADMIN)",
                "Read-only Admin (READ_ONLY_ADMIN)",
            ],
        ),
        (
            &["expiring"],
            &["read password policies", "READ_ONLY_ADMIN; UNCONFIRMED"],
        ),
    ];
    for (args, names) in cases {
        let (out, _, stderr) = sb.run(&org.url(), args);
        assert_eq!(out.status.code(), Some(5), "{args:?}: {stderr}");
        for n in names {
            assert!(stderr.contains(n), "{args:?}: {n} not in {stderr}");
        }
        assert!(stderr.contains("check-perms --subject"), "{stderr}");
    }
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn whoami_names_the_group_a_role_comes_through() {
    let mut org = Org::new();
    let mut held = role("gra1", "USER_ADMIN");
    held["assignmentType"] = json!("GROUP");
    held["_links"]["assignee"]["href"] = json!("https://x.okta.com/api/v1/groups/00gADMINS");
    let mocks = [
        org.get_n("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE"), 2),
        org.get_n(&format!("/api/v1/users/{ME}/roles"), json!([held]), 2),
        org.get_n(
            "/api/v1/groups/00gADMINS/roles/gra1/targets/groups",
            json!([]),
            2,
        ),
        org.get_n(
            "/api/v1/groups/00gADMINS",
            group("00gADMINS", "IT Admins", "OKTA_GROUP"),
            2,
        ),
    ];
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["whoami", "-o", "json"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["roles"][0]["type"], "USER_ADMIN");
    assert_eq!(
        v["roles"][0]["via_group"],
        json!({"id": "00gADMINS", "name": "IT Admins"})
    );
    let (out, stdout, stderr) = sb.run(&org.url(), &["whoami"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let row = stdout.lines().find(|l| l.contains("USER_ADMIN")).unwrap();
    assert!(row.contains("GROUP (IT Admins)"), "{row}");
    mocks.iter().for_each(Mock::assert);
}
