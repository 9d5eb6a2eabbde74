//! Credential health (`auth status`), the preflight of bulk changes,
//! `auth logout --revoke`, and the grant 403 explainer of a service app.

use crate::support::oauth::{rsa_pkcs8, token_endpoint_for, Checker, CLIENT_ID};
use crate::support::org::Org;
use crate::support::{group, json_out, okta_error, text, user, Sandbox, TOKEN};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

const ME: &str = "00uBOT";
const GID: &str = "00gMKT4567890abcdefg";

/// An API token of `owner` expiring in `days`, usable from `connection`.
fn token(id: &str, owner: &str, days: i64, connection: &str) -> Value {
    let at = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * days);
    json!({"id": id, "name": format!("token {id}"), "userId": owner, "tokenWindow": "P30D",
           "expiresAt": at.to_string(), "created": "2026-01-01T00:00:00.000Z",
           "network": {"connection": connection, "include": [], "exclude": []}})
}

fn results(v: &Value) -> Vec<(String, String)> {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or_default().to_string();
            (s("check"), s("result"))
        })
        .collect()
}

#[test]
fn auth_status_shows_every_token_of_the_owner_with_expiry_and_network_warnings() {
    let mut org = Org::new();
    let me = org.get_n("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE"), 2);
    let list = json!([
        token("00Tsoon", ME, 3, "ZONE"),
        token("00Topen", ME, 20, "ANYWHERE"),
        token("00Tother", "00uSOMEONE", 1, "ANYWHERE"),
    ]);
    let tokens = org.get_n("/api/v1/api-tokens", list, 2);
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["auth", "status", "-o", "json"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v = json_out(&out);
    let h = &v["health"];
    assert_eq!(h["kind"], "api_token");
    assert_eq!(h["principal"], "bot@acme.com");
    let ids: Vec<&str> = h["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["00Tsoon", "00Topen"], "only the owner's tokens");
    assert_eq!(h["tokens"][1]["network"], "ANYWHERE");
    let got = results(h);
    let want = [
        ("token owner", "PASS"),
        ("token 'token 00Tsoon' (00Tsoon) expiry", "WARN"),
        ("token 'token 00Tsoon' (00Tsoon) network", "PASS"),
        ("token 'token 00Topen' (00Topen) expiry", "PASS"),
        ("token 'token 00Topen' (00Topen) network", "WARN"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
    let soon = &h["checks"][1];
    assert!(
        soon["detail"].as_str().unwrap().contains("(in 2 days)")
            || soon["detail"].as_str().unwrap().contains("(in 3 days)"),
        "{soon}"
    );
    assert!(soon["fix"].as_str().unwrap().contains("create a new one"));
    assert!(h["checks"][4]["fix"]
        .as_str()
        .unwrap()
        .contains("PUT /api/v1/api-tokens/00Topen"));
    assert!(h["notes"][0]
        .as_str()
        .unwrap()
        .contains("has 2 active API tokens; Okta does not say which one is in use"));

    // The table: the status card, then the health rows; the note on stderr.
    let (out, stdout, stderr) = sb.run(&org.url(), &["auth", "status"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stdout.contains("CREDENTIAL") && stdout.contains("FIX"),
        "{stdout}"
    );
    let row = stdout
        .lines()
        .find(|l| l.contains("00Topen) network"))
        .unwrap();
    assert!(row.contains("WARN") && row.contains("ANYWHERE"), "{row}");
    assert!(stderr.contains("has 2 active API tokens"), "{stderr}");
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
    me.assert();
    tokens.assert();
}

#[test]
fn auth_status_says_unknown_when_okta_refuses_the_token_list() {
    let mut org = Org::new();
    let me = org.user("me", user(ME, "bot@acme.com", "ACTIVE"));
    let tokens = org
        .mock("GET", "/api/v1/api-tokens")
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let (out, _, stderr) = Sandbox::new().run(&org.url(), &["auth", "status", "-o", "json"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["valid"], true);
    let rows = v["health"]["checks"].as_array().unwrap();
    assert_eq!(rows[1]["check"], "api tokens");
    assert_eq!(rows[1]["result"], "UNKNOWN");
    let detail = rows[1]["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("unknown: Okta refused to list API tokens"),
        "{detail}"
    );
    assert_eq!(v["health"]["tokens"], Value::Null);
    me.assert();
    tokens.assert();
}

/// The credential's roles: `users/me` and USER_ADMIN targeted at Sales.
fn group_admin_of_sales(org: &mut Org) -> Vec<Mock> {
    vec![
        org.get("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE")),
        org.get(
            &format!("/api/v1/users/{ME}/roles"),
            json!([{"id": "UA1", "type": "USER_ADMIN", "label": "Group Administrator",
                    "status": "ACTIVE", "assignmentType": "USER"}]),
        ),
        org.get(
            &format!("/api/v1/users/{ME}/roles/UA1/targets/groups"),
            json!([group("00gSALES", "Sales", "OKTA_GROUP")]),
        ),
    ]
}

/// The group of the grants and the apps it provisions (read once the
/// preflight has passed, `apps` times).
fn marketing(org: &mut Org, apps: usize) -> Vec<Mock> {
    vec![
        org.get(
            &format!("/api/v1/groups/{GID}"),
            group(GID, "Marketing", "OKTA_GROUP"),
        ),
        org.get_n(&format!("/api/v1/groups/{GID}/apps"), json!([]), apps),
    ]
}

#[test]
fn preflight_stops_a_bulk_grant_outside_the_roles_targets_before_any_write() {
    let mut org = Org::new();
    let mut mocks = group_admin_of_sales(&mut org);
    mocks.extend(marketing(&mut org, 0));
    let lookups = org
        .mock("GET", Matcher::Regex("^/api/v1/users/u[0-9]".into()))
        .expect(0)
        .create();
    let none = org.no_mutation();
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(&org.url(), &["grant", "u1", "u2", "u3", "--group", GID]);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains(&format!(
            "error: preflight: 'Marketing' ({GID}) is outside the target groups of USER_ADMIN (they cover: 'Sales'); nothing was sent"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "hint: check with `oktactl check-perms --for provisioning --group {GID}`"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("--no-preflight skips this check"),
        "{stderr}"
    );
    assert!(sb.audit_lines().is_empty());
    none.assert();
    lookups.assert();
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn without_preflight_or_with_unreadable_roles_the_rows_go_on() {
    for (flag, readable) in [("--no-preflight", true), ("", false)] {
        let mut org = Org::new();
        let mut mocks = marketing(&mut org, 1);
        if readable {
            mocks.push(org.mock("GET", "/api/v1/users/me").expect(0).create());
        } else {
            mocks.push(org.get("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE")));
            mocks.push(
                org.mock("GET", format!("/api/v1/users/{ME}/roles").as_str())
                    .with_status(403)
                    .with_body(okta_error("E0000006", "You do not have permission"))
                    .create(),
            );
        }
        for i in 1..=2 {
            let id = format!("00u{i}");
            mocks.push(org.user(
                &format!("u{i}"),
                user(&id, &format!("u{i}@acme.com"), "ACTIVE"),
            ));
            mocks.push(org.get(&format!("/api/v1/users/{id}/groups"), json!([])));
            mocks.push(
                org.mock("PUT", format!("/api/v1/groups/{GID}/users/{id}").as_str())
                    .match_header("content-length", "0")
                    .with_status(204)
                    .create(),
            );
        }
        let sb = Sandbox::new();
        let mut args = vec!["grant", "u1", "u2", "--group", GID, "-o", "json"];
        if !flag.is_empty() {
            args.push(flag);
        }
        let (out, _, stderr) = sb.run(&org.url(), &args);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        let line = "preflight: Okta does not show this credential's roles, so group_membership cannot be proven before the run; going on";
        assert_eq!(
            stderr.matches(line).count(),
            usize::from(!readable),
            "{stderr}"
        );
        assert_eq!(json_out(&out)["ok"], 2);
        let changes = sb.audit_changes();
        assert_eq!(changes.len(), 2);
        assert!(changes.iter().all(|c| c["outcome"] == "added"));
        mocks.iter().for_each(Mock::assert);
    }
}

#[test]
fn preflight_stops_a_bulk_unlock_when_no_role_resets_passwords() {
    let mut org = Org::new();
    let mocks = [
        org.get("/api/v1/users/me", user(ME, "bot@acme.com", "ACTIVE")),
        org.get(
            &format!("/api/v1/users/{ME}/roles"),
            json!([{"id": "RA1", "type": "REPORT_ADMIN", "label": "Report Administrator",
                    "status": "ACTIVE", "assignmentType": "USER"}]),
        ),
        org.mock("GET", Matcher::Regex("^/api/v1/users/u[0-9]".into()))
            .expect(0)
            .create(),
    ];
    let none = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "u1", "u2", "--yes"]);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains("error: preflight: no role of this credential gives password_reset (reset passwords, unlock, reset MFA); nothing was sent"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: assign Help Desk Administrator (HELP_DESK_ADMIN), or Group Administrator (USER_ADMIN)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`oktactl check-perms --for passwords`"),
        "{stderr}"
    );
    assert!(sb.audit_lines().is_empty());
    none.assert();
    mocks.iter().for_each(Mock::assert);
}

/// Resource mocks for a service app, its DPoP proofs not checked here.
fn app_get(server: &mut mockito::Server, path: &str, body: Value, n: usize) -> Mock {
    server
        .mock("GET", path)
        .match_query(Matcher::Any)
        .match_header("authorization", Matcher::Regex("^DPoP at-".into()))
        .with_header("content-type", "application/json")
        .with_body(body.to_string())
        .expect(n)
        .create()
}

#[test]
fn a_service_app_grant_is_explained_and_preflighted_from_the_client_roles_never_users_me() {
    let mut server = mockito::Server::new();
    let chk = Checker::default();
    let key = rsa_pkcs8();
    let scopes = "okta.users.manage okta.groups.manage okta.apps.read okta.roles.read";
    let (challenge, token) = token_endpoint_for(&mut server, &chk, key.public, 3600, scopes, 2);
    let token = token.expect(2).create();
    let me = server.mock("GET", "/api/v1/users/me").expect(0).create();
    let roles_path = format!("/oauth2/v1/clients/{CLIENT_ID}/roles");
    let ua = json!([{"id": "irb1", "type": "USER_ADMIN", "label": "Group Administrator", "status": "ACTIVE"}]);
    let mocks = [
        app_get(
            &mut server,
            &format!("/api/v1/groups/{GID}"),
            group(GID, "Marketing", "OKTA_GROUP"),
            2,
        ),
        app_get(
            &mut server,
            &format!("/api/v1/groups/{GID}/apps"),
            json!([]),
            1,
        ),
        app_get(
            &mut server,
            "/api/v1/users/00u1",
            user("00u1", "jane@acme.com", "ACTIVE"),
            1,
        ),
        app_get(&mut server, "/api/v1/users/00u1/groups", json!([]), 1),
        app_get(
            &mut server,
            &format!("/api/v1/groups/{GID}/roles"),
            json!([]),
            1,
        ),
        app_get(&mut server, &roles_path, ua, 2),
        app_get(
            &mut server,
            &format!("{roles_path}/irb1/targets/groups"),
            json!([group("00gSALES", "Sales", "OKTA_GROUP")]),
            2,
        ),
    ];
    let put = server
        .mock("PUT", format!("/api/v1/groups/{GID}/users/00u1").as_str())
        .with_status(403)
        .with_body(okta_error(
            "E0000006",
            "You do not have permission to perform the requested action",
        ))
        .expect(1)
        .create();
    let sb = Sandbox::new();
    let run = |args: &[&str]| {
        let out = sb
            .bare()
            .env("OKTA_ORG_URL", server.url())
            .env("OKTA_CLIENT_ID", CLIENT_ID)
            .env("OKTA_PRIVATE_KEY", &key.private_text)
            .args(args)
            .output()
            .unwrap();
        let (_, stderr) = text(&out);
        (out.status.code(), stderr)
    };
    // One user: sent, refused, and explained from the app's own roles.
    let (code, stderr) = run(&["grant", "00u1", "--group", GID]);
    assert_eq!(code, Some(5), "{stderr}\n{:?}", chk.failures());
    assert!(
        stderr.contains("is outside the targets of the token's Group Admin role, which covers only: 'Sales' (00gSALES)"),
        "{stderr}"
    );
    // Two users: the preflight reads the same client roles and sends nothing.
    let (code, stderr) = run(&["grant", "00u1", "00u2", "--group", GID]);
    assert_eq!(code, Some(5), "{stderr}");
    assert!(stderr.contains("error: preflight: 'Marketing'"), "{stderr}");
    assert_eq!(sb.audit_changes().len(), 1, "only the first run's PUT");
    for m in mocks.iter().chain([&challenge, &token, &me, &put]) {
        m.assert();
    }
}

/// `DELETE /api/v1/api-tokens/current` with the env token, expected `n` times.
fn revoke_call(org: &mut Org, n: usize) -> Mock {
    org.mock("DELETE", "/api/v1/api-tokens/current")
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .with_status(204)
        .with_header("x-okta-request-id", "req-revoke")
        .expect(n)
        .create()
}

#[test]
fn logout_revoke_without_a_terminal_or_yes_exits_2_before_anything() {
    let mut org = Org::new();
    let me = org.mock("GET", "/api/v1/users/me").expect(0).create();
    let revoke = revoke_call(&mut org, 0);
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["auth", "logout", "--revoke"]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: revoking the API token needs confirmation, and standard input is not a terminal"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: pass --yes"), "{stderr}");
    assert!(sb.audit_lines().is_empty());
    // A service app has no API token to revoke: a usage error, nothing sent.
    let key = rsa_pkcs8();
    let out = sb
        .bare()
        .env("OKTA_ORG_URL", org.url())
        .env("OKTA_CLIENT_ID", CLIENT_ID)
        .env("OKTA_PRIVATE_KEY", &key.private_text)
        .args(["auth", "logout", "--revoke", "--yes"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("this profile uses a service app"),
        "{stderr}"
    );
    me.assert();
    revoke.assert();
}

#[test]
fn logout_revoke_with_yes_revokes_at_okta_and_audits_it() {
    let mut org = Org::new();
    let me = org.user("me", user(ME, "bot@acme.com", "ACTIVE"));
    let revoke = revoke_call(&mut org, 1);
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(
        &org.url(),
        &["auth", "logout", "--revoke", "--yes", "--ticket", "SEC-9"],
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("Revoked the API token of bot@acme.com at"),
        "{stderr}"
    );
    assert!(
        stderr.contains("OKTA_API_TOKEN still holds the revoked token: unset it"),
        "{stderr}"
    );
    let changes = sb.audit_changes();
    assert_eq!(changes.len(), 1);
    let c = &changes[0];
    assert_eq!(c["command"], "auth logout");
    assert_eq!(c["call"], "DELETE /api/v1/api-tokens/current");
    assert_eq!(c["outcome"], "revoked");
    assert_eq!(c["user"], "bot@acme.com");
    assert_eq!(c["user_id"], ME);
    assert_eq!(c["ticket"], "SEC-9");
    assert_eq!(c["request_id"], "req-revoke");
    let log = std::fs::read_to_string(sb.path("audit.log")).unwrap();
    assert!(!log.contains(TOKEN));
    me.assert();
    revoke.assert();

    // A dry run says what it would send, and sends and records nothing.
    let mut org = Org::new();
    let me = org.user("me", user(ME, "bot@acme.com", "ACTIVE"));
    let revoke = revoke_call(&mut org, 0);
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["auth", "logout", "--revoke", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("dry run: would send DELETE /api/v1/api-tokens/current"),
        "{stderr}"
    );
    assert!(sb.audit_lines().is_empty());
    me.assert();
    revoke.assert();
}

/// At a terminal the revoke is sent only after `y` and Enter.
#[cfg(unix)]
#[test]
fn logout_revoke_at_a_terminal_sends_the_delete_only_after_yes() {
    use crate::pty::{finish, spawn, type_keys};
    for (answer, sent) in [("n\r", 0), ("y\r", 1)] {
        let mut org = Org::new();
        let me = org.user("me", user(ME, "bot@acme.com", "ACTIVE"));
        let revoke = revoke_call(&mut org, sent);
        let sb = Sandbox::new();
        let mut p = spawn(&sb, &org, &["auth", "logout", "--revoke"]);
        let before = p.exp_string("[y/N] ").unwrap();
        assert!(
            before.contains("Revoke this API token of bot@acme.com?"),
            "{before}"
        );
        assert!(before.contains("stops working everywhere"), "{before}");
        // Nothing is sent while the question waits.
        assert_eq!(revoke.matched(), sent == 0, "sent before the answer");
        type_keys(&mut p, answer);
        let (rest, code) = finish(&mut p);
        if sent == 0 {
            assert_eq!(code, 1, "{rest}");
            assert!(rest.contains("cancelled; nothing was changed"), "{rest}");
            assert!(sb.audit_lines().is_empty());
        } else {
            assert!(rest.contains("Revoked the API token"), "{rest}");
            assert_eq!(sb.audit_changes().len(), 1);
        }
        me.assert();
        revoke.assert();
    }
}
