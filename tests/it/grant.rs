//! grant and revoke: groups, apps, membership, scoped 403s, bulk and rate limits.

use crate::support::org::Org;
use crate::support::{epoch, group, json_out, okta_error, text, user, Sandbox};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

const GID: &str = "00gfigma000000000001";
const APP: &str = "0oafigma000000000001";

fn app(id: &str, label: &str) -> Value {
    json!({"id": id, "name": label.to_lowercase(), "label": label, "status": "ACTIVE"})
}

fn group_apps(org: &mut Org) -> Mock {
    org.get(
        &format!("/api/v1/groups/{GID}/apps"),
        json!([app(APP, "Figma")]),
    )
}

fn membership(org: &mut Org, method: &str, uid: &str) -> Mock {
    let mut mock = org.mock(method, format!("/api/v1/groups/{GID}/users/{uid}").as_str());
    if method == "PUT" {
        mock = mock.match_header("content-length", "0");
    }
    mock.with_status(204)
        .with_header("x-okta-request-id", "req-77")
        .create()
}

/// Users `uN` (no `@`): `GET /api/v1/users/uN` → `00u…N`; others 404.
fn numbered_users(org: &mut Org, expect: usize) -> Mock {
    org.mock("GET", Matcher::Regex(r"^/api/v1/users/u\d+$".into()))
        .with_body_from_request(|req| {
            let n: u64 = req.path().rsplit('u').next().unwrap().parse().unwrap();
            user(&format!("00u{n:017}"), &format!("u{n}@acme.com"), "ACTIVE")
                .to_string()
                .into_bytes()
        })
        .expect(expect)
        .create()
}

/// The batched searches of a bulk run (`search=profile.login eq "uN" or …`)
/// find none of the `uN` (they are not logins), `n` times.
fn no_login_found(org: &mut Org, n: usize) -> Mock {
    org.mock("GET", "/api/v1/users")
        .match_query(Matcher::Regex(r"search=profile\.login\+eq\+%22u\d".into()))
        .with_body("[]")
        .expect(n)
        .create()
}

/// Not yet created: callers add expectations.
fn put_any_user(org: &mut Org) -> Mock {
    org.mock(
        "PUT",
        Matcher::Regex(format!(r"^/api/v1/groups/{GID}/users/00u\d{{17}}$")),
    )
    .match_header("content-length", "0")
    .with_status(204)
}

#[test]
fn grant_by_group_name_puts_by_user_id_and_audits() {
    let mut org = Org::new();
    let find = org.group_by_name(
        "figma users",
        json!([group(GID, "Figma Users", "OKTA_GROUP")]),
    );
    let apps = group_apps(&mut org);
    let u = org.get(
        "/api/v1/users/jane%40acme.com",
        user("00u1", "jane@acme.com", "ACTIVE"),
    );
    let groups = org.get(
        "/api/v1/users/00u1/groups",
        json!([group("00geveryone000000000", "Everyone", "BUILT_IN")]),
    );
    let put = membership(&mut org, "PUT", "00u1");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args([
            "grant",
            "jane@acme.com",
            "--group",
            "figma users",
            "--ticket",
            "HD-9",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("which provisions Figma"), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "added");
    assert_eq!(v["results"][0]["group"], "Figma Users");
    assert_eq!(v["results"][0]["user_id"], "00u1");
    let lines = sb.audit_changes();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["command"], "grant");
    assert_eq!(lines[0]["group"], GID);
    assert_eq!(lines[0]["outcome"], "added");
    assert_eq!(lines[0]["request_id"], "req-77");
    assert_eq!(lines[0]["ticket"], "HD-9");
    for m in [find, apps, u, groups, put] {
        m.assert();
    }
}

#[test]
fn grant_by_group_id() {
    let mut org = Org::new();
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = group_apps(&mut org);
    let u = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let groups = org.get("/api/v1/users/00u2/groups", json!([]));
    let put = membership(&mut org, "PUT", "00u2");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["grant", "00u2", "--group", GID])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("added"), "{stdout}");
    for m in [g, apps, u, groups, put] {
        m.assert();
    }
}

#[test]
fn grant_already_member_sends_no_put() {
    let mut org = Org::new();
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = group_apps(&mut org);
    let u = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let groups = org.get(
        "/api/v1/users/00u2/groups",
        json!([group(GID, "Figma Users", "OKTA_GROUP")]),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["grant", "00u2", "--group", GID, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);
    assert_eq!(json_out(&out)["results"][0]["result"], "already_member");
    assert!(sb.audit_changes().is_empty());
    for m in [g, apps, u, groups] {
        m.assert();
    }
    unchanged.assert();
}

/// `GET /api/v1/apps?q=Figma` answers a prefix match; `/apps/{id}/groups` the assignments.
fn app_with_groups(org: &mut Org, assigned: Value) -> (Mock, Mock) {
    let find = org
        .mock("GET", "/api/v1/apps")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("q".into(), "Figma".into()),
            Matcher::UrlEncoded("limit".into(), "200".into()),
        ]))
        .with_body(
            json!([
                app(APP, "Figma"),
                app("0oafigma000000000002", "Figma Sandbox")
            ])
            .to_string(),
        )
        .create();
    let groups = org
        .mock("GET", format!("/api/v1/apps/{APP}/groups").as_str())
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("expand".into(), "group".into()),
            Matcher::UrlEncoded("limit".into(), "200".into()),
        ]))
        .with_body(assigned.to_string())
        .create();
    (find, groups)
}

fn assignment(g: Value) -> Value {
    json!({"id": g["id"], "priority": 0, "_embedded": {"group": g}})
}

#[test]
fn grant_by_app_with_one_okta_group() {
    let mut org = Org::new();
    let (find, assigned) = app_with_groups(
        &mut org,
        json!([
            assignment(group("00gadimport0000000001", "AD Designers", "APP_GROUP")),
            assignment(group(GID, "Figma Users", "OKTA_GROUP"))
        ]),
    );
    let apps = group_apps(&mut org);
    let u = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let groups = org.get("/api/v1/users/00u2/groups", json!([]));
    let put = membership(&mut org, "PUT", "00u2");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["grant", "00u2", "--app", "Figma", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(json_out(&out)["results"][0]["group"], "Figma Users");
    for m in [find, assigned, apps, u, groups, put] {
        m.assert();
    }
}

#[test]
fn revoke_by_app_removes_from_its_okta_group() {
    let mut org = Org::new();
    let (find, assigned) = app_with_groups(
        &mut org,
        json!([assignment(group(GID, "Figma Users", "OKTA_GROUP"))]),
    );
    let apps = group_apps(&mut org);
    let u = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let groups = org.get(
        "/api/v1/users/00u2/groups",
        json!([group(GID, "Figma Users", "OKTA_GROUP")]),
    );
    let delete = membership(&mut org, "DELETE", "00u2");
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(
        &org.url(),
        &["revoke", "00u2", "--app", "Figma", "--yes", "-o", "json"],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "removed");
    assert_eq!(v["results"][0]["group"], "Figma Users");
    assert_eq!(sb.audit_changes()[0]["group"], GID);
    for m in [find, assigned, apps, u, groups, delete] {
        m.assert();
    }
}

#[test]
fn grant_leaves_inactive_users_alone_unless_asked() {
    let mut org = Org::new();
    let g = org.get_n(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
        2,
    );
    let apps = org.get_n(&format!("/api/v1/groups/{GID}/apps"), json!([]), 2);
    let u = org.get_n(
        "/api/v1/users/00u9",
        user("00u9", "gone@acme.com", "DEPROVISIONED"),
        2,
    );
    let groups = org.get("/api/v1/users/00u9/groups", json!([]));
    let put = membership(&mut org, "PUT", "00u9");
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["grant", "00u9", "--group", GID]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("gone@acme.com is DEPROVISIONED"),
        "{stderr}"
    );
    assert!(stderr.contains("--include-inactive"), "{stderr}");
    assert!(sb.audit_lines().is_empty());
    let (out, _, stderr) = sb.run(
        &org.url(),
        &[
            "grant",
            "00u9",
            "--group",
            GID,
            "--include-inactive",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(json_out(&out)["results"][0]["result"], "added");
    for m in [g, apps, u, groups, put] {
        m.assert();
    }
}

#[test]
fn grant_by_app_with_two_okta_groups_names_them_and_exits_3() {
    let mut org = Org::new();
    let (find, assigned) = app_with_groups(
        &mut org,
        json!([
            assignment(group(GID, "Figma Users", "OKTA_GROUP")),
            assignment(group("00gfigma000000000002", "Figma Admins", "OKTA_GROUP"))
        ]),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["grant", "00u2", "--app", "Figma"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("assigned to 2 Okta groups"), "{stderr}");
    assert!(stderr.contains(&format!("--group {GID}")), "{stderr}");
    assert!(stderr.contains("--group 00gfigma000000000002"), "{stderr}");
    for m in [find, assigned] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn grant_by_app_without_okta_group_exits_3() {
    let mut org = Org::new();
    let (find, assigned) = app_with_groups(&mut org, json!([]));
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["grant", "00u2", "--app", "Figma"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("not assigned through an Okta group"),
        "{stderr}"
    );
    for m in [find, assigned] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn grant_to_app_group_is_refused_before_any_change() {
    let mut org = Org::new();
    let mut g = group(GID, "AD Designers", "APP_GROUP");
    g["_links"]["source"] =
        json!({"href": format!("{}/api/v1/apps/0oaad000000000000001", org.url())});
    let find = org.get(&format!("/api/v1/groups/{GID}"), g);
    let source = org.get(
        "/api/v1/apps/0oaad000000000000001",
        app("0oaad000000000000001", "acme.local AD"),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["grant", "00u2", "--group", GID])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("APP_GROUP"), "{stderr}");
    assert!(stderr.contains("acme.local AD"), "{stderr}");
    assert!(sb.audit_changes().is_empty());
    for m in [find, source] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn grant_403_for_scoped_group_admin_names_the_targets() {
    let mut org = Org::new();
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = group_apps(&mut org);
    let u = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let groups = org.get("/api/v1/users/00u2/groups", json!([]));
    let put = org
        .mock("PUT", format!("/api/v1/groups/{GID}/users/00u2").as_str())
        .with_status(403)
        .with_header("x-okta-request-id", "req-403")
        .with_body(okta_error(
            "E0000006",
            "You do not have permission to perform the requested action",
        ))
        .create();
    let group_roles = org.get(&format!("/api/v1/groups/{GID}/roles"), json!([]));
    let me = org.get(
        "/api/v1/users/me",
        user("00uadmin", "bot@acme.com", "ACTIVE"),
    );
    let roles = org.get("/api/v1/users/00uadmin/roles",
        json!([{"id": "ra1", "type": "USER_ADMIN", "label": "Group Administrator", "assignmentType": "USER"}]),
    );
    let targets = org.get(
        "/api/v1/users/00uadmin/roles/ra1/targets/groups",
        json!([group("00gengineering000001", "Engineering", "OKTA_GROUP")]),
    );
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["grant", "00u2", "--group", GID])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("E0000006"), "{stderr}");
    assert!(
        stderr.contains("outside the targets of the token's Group Admin role"),
        "{stderr}"
    );
    assert!(stderr.contains("'Engineering'"), "{stderr}");
    assert!(
        stderr.contains(&format!("check-perms --for provisioning --group {GID}")),
        "{stderr}"
    );
    let lines = sb.audit_changes();
    assert_eq!(
        (lines.len(), &lines[0]["outcome"], &lines[0]["group"]),
        (1, &json!("failed"), &json!(GID))
    );
    assert_eq!(lines[0]["request_id"], "req-403");
    for m in [g, apps, u, groups, put, group_roles, me, roles, targets] {
        m.assert();
    }
}

#[test]
fn revoke_with_yes_deletes_membership() {
    let mut org = Org::new();
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = group_apps(&mut org);
    let u = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let groups = org.get(
        "/api/v1/users/00u2/groups",
        json!([group(GID, "Figma Users", "OKTA_GROUP")]),
    );
    let delete = membership(&mut org, "DELETE", "00u2");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["revoke", "00u2", "--group", GID, "--yes", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(json_out(&out)["results"][0]["result"], "removed");
    let lines = sb.audit_changes();
    assert_eq!(
        (lines[0]["command"].as_str(), lines[0]["group"].as_str()),
        (Some("revoke"), Some(GID))
    );
    assert_eq!(lines[0]["outcome"], "removed");
    for m in [g, apps, u, groups, delete] {
        m.assert();
    }
}

#[test]
fn revoke_not_member_sends_no_delete() {
    let mut org = Org::new();
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = group_apps(&mut org);
    let u = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let groups = org.get("/api/v1/users/00u2/groups", json!([]));
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["revoke", "00u2", "--group", GID, "--yes"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("not_member"), "{stdout}");
    for m in [g, apps, u, groups] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn revoke_without_yes_in_a_pipe_exits_2_and_sends_nothing() {
    // The user is a member: a removal needs confirmation, and nobody can
    // give it, so the command refuses after the read-only checks.
    let mut org = Org::new();
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = group_apps(&mut org);
    let u = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let groups = org.get(
        "/api/v1/users/00u2/groups",
        json!([group(GID, "Figma Users", "OKTA_GROUP")]),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["revoke", "00u2", "--group", GID])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--yes"), "{stderr}");
    for m in [g, apps, u, groups] {
        m.assert();
    }
    unchanged.assert();
    assert!(sb.audit_lines().is_empty());
}

#[test]
fn dry_run_sends_no_put_or_delete() {
    let mut org = Org::new();
    let g = org.get_n(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
        2,
    );
    let apps = org.get_n(
        &format!("/api/v1/groups/{GID}/apps"),
        json!([app(APP, "Figma")]),
        2,
    );
    let u = org.get_n(
        "/api/v1/users/00u2",
        user("00u2", "bob@acme.com", "ACTIVE"),
        2,
    );
    // First a member (revoke would remove), then not (grant would add).
    let groups = org.get(
        "/api/v1/users/00u2/groups",
        json!([group(GID, "Figma Users", "OKTA_GROUP")]),
    );
    let no_groups = org.get("/api/v1/users/00u2/groups", json!([]));
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["revoke", "00u2", "--group", GID, "--dry-run", "-o", "json"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(json_out(&out)["results"][0]["result"], "would_remove");
    assert!(
        stderr.contains(&format!(
            "would send DELETE /api/v1/groups/{GID}/users/00u2"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("which provisions Figma"), "{stderr}");
    let out = sb
        .cmd(&org.url())
        .args(["grant", "00u2", "--group", GID, "--dry-run", "-o", "json"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(json_out(&out)["results"][0]["result"], "would_add");
    assert!(
        stderr.contains(&format!("would send PUT /api/v1/groups/{GID}/users/00u2")),
        "{stderr}"
    );
    assert!(sb.audit_changes().is_empty());
    for m in [g, apps, u, groups, no_groups] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn bulk_of_200_with_3_bad_users_keeps_order_and_exits_1() {
    let mut org = Org::new();
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = group_apps(&mut org);
    let members = org.get(&format!("/api/v1/groups/{GID}/users"), json!([]));
    let searches = no_login_found(&mut org, 10);
    let users = numbered_users(&mut org, 197);
    let missing = org
        .mock("GET", Matcher::Regex(r"^/api/v1/users/ghost\d$".into()))
        .with_status(404)
        .with_body(okta_error("E0000007", "Not found: Resource not found"))
        .expect(3)
        .create();
    let put = put_any_user(&mut org).expect(197).create();
    let mut input = String::from("login\n");
    let mut want = Vec::new();
    for i in 0..200 {
        let who = if [13, 101, 187].contains(&i) {
            format!("ghost{}", i % 10)
        } else {
            format!("u{i}")
        };
        input.push_str(&format!("{who}\n"));
        want.push(who);
    }
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args([
            "grant",
            "--from",
            "-",
            "--group",
            GID,
            "--concurrency",
            "8",
            "-o",
            "json",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let v = json_out(&out);
    assert_eq!(
        (v["ok"].as_u64(), v["failed"].as_u64()),
        (Some(197), Some(3))
    );
    let got: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["user"].as_str().unwrap())
        .collect();
    let want: Vec<String> = want
        .iter()
        .map(|w| {
            if w.starts_with('u') {
                format!("{w}@acme.com")
            } else {
                w.clone()
            }
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(v["results"][13]["result"], "failed");
    assert_eq!(sb.audit_changes().len(), 197);
    for m in [g, apps, members, searches, users, missing, put] {
        m.assert();
    }
}

#[test]
fn workers_wait_for_the_reset_instead_of_drawing_429s() {
    let mut org = Org::new();
    let reset = epoch() + 2;
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = group_apps(&mut org);
    let members = org.get(&format!("/api/v1/groups/{GID}/users"), json!([]));
    let searches = no_login_found(&mut org, 1);
    let users = numbered_users(&mut org, 12);
    // The first answers (at most one per worker, sent before any answer
    // came) say the bucket is empty until `reset`.
    let first = put_any_user(&mut org)
        .with_header("x-rate-limit-limit", "4")
        .with_header("x-rate-limit-remaining", "0")
        .with_header("x-rate-limit-reset", &reset.to_string())
        .expect_at_most(4)
        .create();
    let before_reset = move |_: &mockito::Request| epoch() < reset;
    let too_early = org
        .mock(
            "PUT",
            Matcher::Regex(format!(r"^/api/v1/groups/{GID}/users/")),
        )
        .match_request(before_reset)
        .with_status(429)
        .with_header("x-rate-limit-remaining", "0")
        .with_header("x-rate-limit-reset", &reset.to_string())
        .with_body(okta_error(
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        ))
        .expect(0)
        .create();
    let after = put_any_user(&mut org)
        .match_request(move |r| !before_reset(r))
        .with_header("x-rate-limit-remaining", "90")
        .with_header("x-rate-limit-reset", &(reset + 60).to_string())
        .expect_at_least(8)
        .create();
    // Short logins: a `login` header says every line is a user.
    let input: String = std::iter::once("login\n".to_string())
        .chain((0..12).map(|i| format!("u{i}\n")))
        .collect();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args([
            "grant",
            "--from",
            "-",
            "--group",
            GID,
            "--concurrency",
            "4",
            "-o",
            "json",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(json_out(&out)["ok"], 12);
    for m in [g, apps, members, searches, users, first, too_early, after] {
        m.assert();
    }
}
