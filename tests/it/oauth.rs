//! OAuth 2.0 service apps end to end against a mock Okta: private_key_jwt
//! assertions checked with the test's public key, DPoP proofs checked with
//! their embedded key, nonces, renewal, missing scopes, and no key leaks.

use std::sync::atomic::Ordering;

use crate::support::oauth::{
    ec_jwk, ec_sec1, header, rsa_pkcs8, token_endpoint, token_endpoint_for, Checker, CLIENT_ID,
};
use crate::support::{no_keyring, text, user, Sandbox};
use mockito::Matcher;

const ALL: &str = "okta.users.manage okta.groups.manage okta.apps.read okta.roles.read okta.policies.read okta.logs.read";

/// `oktactl` with the service app's client id and PEM key in the environment.
fn app_cmd(sb: &Sandbox, org: &str, key_text: &str) -> assert_cmd::Command {
    let mut c = sb.bare();
    c.env("OKTA_ORG_URL", org)
        .env("OKTA_CLIENT_ID", CLIENT_ID)
        .env("OKTA_PRIVATE_KEY", key_text);
    c
}

/// A resource mock that answers only requests whose DPoP proof and
/// `Authorization: DPoP` header check out.
fn resource(
    server: &mut mockito::Server,
    chk: &Checker,
    path: &str,
    query: Matcher,
    nonce: Option<&'static str>,
) -> mockito::Mock {
    let htu = format!("{}{path}", server.url());
    let c = chk.clone();
    server
        .mock("GET", path)
        .match_query(query)
        .match_request(move |req| {
            c.proof(req, &htu, nonce)
                .and_then(|_| match header(req, "authorization") {
                    Some(a) if a.starts_with("DPoP at-") => Ok(()),
                    other => Err(format!("authorization {other:?}")),
                })
                .map_err(|e| c.fail(format!("{}: {e}", req.path())))
                .is_ok()
        })
        .with_header("content-type", "application/json")
}

/// Everything the run left behind must be free of the secret.
fn assert_no_leak(sb: &Sandbox, outputs: &[&str], secrets: &[&str], skip: &[&str]) {
    for s in secrets {
        for o in outputs {
            assert!(!o.contains(s), "secret {s} in output:\n{o}");
        }
    }
    let mut stack = vec![sb.dir.path().to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if !skip.iter().any(|s| p.ends_with(s)) {
                let body = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                for s in secrets {
                    assert!(!body.contains(s), "secret in file {}", p.display());
                }
            }
        }
    }
}

#[test]
fn whoami_gets_a_dpop_token_after_the_nonce_challenge_and_lists_the_app_roles() {
    let mut server = mockito::Server::new();
    let chk = Checker::default();
    let key = rsa_pkcs8();
    let (challenge, token) = token_endpoint(&mut server, &chk, key.public, 3600, ALL);
    let token = token.expect(1).create();
    let roles_path = format!("/oauth2/v1/clients/{CLIENT_ID}/roles");
    let page1 = resource(&mut server, &chk, &roles_path, Matcher::Missing, Some("nonce-1"))
        .with_header(
            "link",
            &format!("<{}{roles_path}?after=c2>; rel=\"next\"", server.url()),
        )
        .with_body(r#"[{"id":"irb1","type":"HELP_DESK_ADMIN","label":"Help Desk Administrator","status":"ACTIVE","assignmentType":"CLIENT"}]"#)
        .expect(1)
        .create();
    // The next link's proof names the exact URL called, without its query.
    let page2 = resource(
        &mut server,
        &chk,
        &roles_path,
        Matcher::UrlEncoded("after".into(), "c2".into()),
        Some("nonce-1"),
    )
    .with_body(
        r#"[{"id":"irb2","type":"REPORT_ADMIN","label":"Report Administrator","status":"ACTIVE"}]"#,
    )
    .expect(1)
    .create();
    let targets = resource(
        &mut server,
        &chk,
        &format!("{roles_path}/irb1/targets/groups"),
        Matcher::UrlEncoded("limit".into(), "200".into()),
        Some("nonce-1"),
    )
    .with_body(r#"[{"id":"00gsupport","profile":{"name":"Support"}}]"#)
    .expect(1)
    .create();
    let sb = Sandbox::new();
    let out = app_cmd(&sb, &server.url(), &key.private_text)
        .args(["whoami", "-o", "json", "--verbose"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}\n{:?}", chk.failures());
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["client_id"], CLIENT_ID);
    assert_eq!(v["token_type"], "DPoP");
    assert_eq!(v["scopes"].as_array().unwrap().len(), 6);
    assert_eq!(v["roles"][0]["type"], "HELP_DESK_ADMIN");
    assert_eq!(v["roles"][0]["targets"]["groups"][0]["name"], "Support");
    assert_eq!(v["roles"][1]["type"], "REPORT_ADMIN");
    assert!(stderr.contains("POST /oauth2/v1/token 400"), "{stderr}");
    for m in [&challenge, &token, &page1, &page2, &targets] {
        m.assert();
    }
    assert_eq!(chk.tokens_issued.load(Ordering::SeqCst), 1);
    assert_no_leak(
        &sb,
        &[&stdout, &stderr],
        &[&key.marker, "SECRETACCESS", "eyJ"],
        &[],
    );
}

#[test]
fn an_access_token_near_expiry_is_renewed_before_the_next_request() {
    let mut server = mockito::Server::new();
    let chk = Checker::default();
    let key = ec_sec1();
    let (challenge, token) = token_endpoint(&mut server, &chk, key.public, 30, ALL);
    // 30 s of life is inside the renewal margin: each request gets a new one.
    let token = token.expect(3).create();
    let roles_path = format!("/oauth2/v1/clients/{CLIENT_ID}/roles");
    let roles = resource(
        &mut server,
        &chk,
        &roles_path,
        Matcher::Missing,
        Some("nonce-1"),
    )
    .with_body(
        r#"[{"id":"irb1","type":"USER_ADMIN","label":"Group Administrator","status":"ACTIVE"}]"#,
    )
    .expect(1)
    .create();
    let targets = resource(
        &mut server,
        &chk,
        &format!("{roles_path}/irb1/targets/groups"),
        Matcher::Any,
        Some("nonce-1"),
    )
    .with_body("[]")
    .expect(1)
    .create();
    let sb = Sandbox::new();
    let out = app_cmd(&sb, &server.url(), &key.private_text)
        .args(["whoami"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}\n{:?}", chk.failures());
    assert!(
        stdout.contains(CLIENT_ID) && stdout.contains("all groups"),
        "{stdout}"
    );
    for m in [&challenge, &token, &roles, &targets] {
        m.assert();
    }
    assert_eq!(chk.tokens_issued.load(Ordering::SeqCst), 3);
    assert_no_leak(
        &sb,
        &[&stdout, &stderr],
        &[&key.marker, "SECRETACCESS"],
        &[],
    );
}

#[test]
fn a_resource_nonce_challenge_is_answered_once_with_the_new_nonce() {
    let mut server = mockito::Server::new();
    let chk = Checker::default();
    let key = rsa_pkcs8();
    let (challenge, token) = token_endpoint(&mut server, &chk, key.public, 3600, ALL);
    let token = token.expect(1).create();
    let asked = resource(&mut server, &chk, "/api/v1/users/00u1", Matcher::Missing, Some("nonce-1"))
        .with_status(401)
        .with_header("dpop-nonce", "nonce-2")
        .with_header("www-authenticate", r#"DPoP algs="ES256", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof""#)
        .expect(1)
        .create();
    let answered = resource(
        &mut server,
        &chk,
        "/api/v1/users/00u1",
        Matcher::Missing,
        Some("nonce-2"),
    )
    .with_body(user("00u1", "jane@acme.com", "ACTIVE").to_string())
    .expect(1)
    .create();
    let groups = resource(
        &mut server,
        &chk,
        "/api/v1/users/00u1/groups",
        Matcher::Missing,
        Some("nonce-2"),
    )
    .with_body("[]")
    .expect(1)
    .create();
    let policies = resource(
        &mut server,
        &chk,
        "/api/v1/policies",
        Matcher::Any,
        Some("nonce-2"),
    )
    .with_body("[]")
    .expect(1)
    .create();
    let sb = Sandbox::new();
    let out = app_cmd(&sb, &server.url(), &key.private_text)
        .args(["user", "show", "00u1", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}\n{:?}", chk.failures());
    assert!(stdout.contains("jane@acme.com"));
    for m in [&challenge, &token, &asked, &answered, &groups, &policies] {
        m.assert();
    }
}

#[test]
fn a_missing_scope_exits_5_naming_the_scope_and_the_ungranted_scopes_are_warned() {
    let mut server = mockito::Server::new();
    let chk = Checker::default();
    let key = rsa_pkcs8();
    let granted =
        "okta.groups.manage okta.apps.read okta.roles.read okta.policies.read okta.logs.read";
    let (challenge, token) = token_endpoint(&mut server, &chk, key.public, 3600, granted);
    let token = token.expect(1).create();
    let refused = resource(&mut server, &chk, "/api/v1/users/00u1", Matcher::Missing, Some("nonce-1"))
        .with_status(403)
        .with_header("www-authenticate", r#"DPoP algs="RS256 ES256", realm="x", scope="okta.users.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/users/00u1""#)
        .expect(1)
        .create();
    let sb = Sandbox::new();
    let out = app_cmd(&sb, &server.url(), &key.private_text)
        .args(["user", "show", "00u1"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(5), "{stderr}\n{:?}", chk.failures());
    assert!(
        stderr.contains("lacks the scope okta.users.read"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did not grant the scopes okta.users.manage"),
        "{stderr}"
    );
    for m in [&challenge, &token, &refused] {
        m.assert();
    }
}

#[test]
fn a_rejected_assertion_exits_4_with_okta_reason() {
    let mut server = mockito::Server::new();
    let rejected = server
        .mock("POST", "/oauth2/v1/token")
        .with_status(401)
        .with_header("content-type", "application/json")
        .with_body(r#"{"error":"invalid_client","error_description":"The client_assertion signature is invalid."}"#)
        .expect(1)
        .create();
    let key = ec_sec1();
    let sb = Sandbox::new();
    let out = app_cmd(&sb, &server.url(), &key.private_text)
        .args(["user", "show", "00u1"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("invalid_client: The client_assertion signature is invalid."),
        "{stderr}"
    );
    assert!(stderr.contains("hint: check the client id"), "{stderr}");
    rejected.assert();
    assert_no_leak(&sb, &[&stdout, &stderr], &[&key.marker], &[]);
}

#[test]
fn login_dry_run_with_an_ec_jwk_verifies_by_getting_a_token_and_stores_nothing() {
    let mut server = mockito::Server::new();
    let chk = Checker::default();
    let key = ec_jwk("kid-test-1");
    let (challenge, token) = token_endpoint(&mut server, &chk, key.public, 3600, ALL);
    let token = token
        .match_request({
            let c = chk.clone();
            move |req| {
                let body = req.utf8_lossy_body().unwrap_or_default().to_string();
                let form: std::collections::HashMap<String, String> =
                    url::form_urlencoded::parse(body.as_bytes())
                        .into_owned()
                        .collect();
                let kid = crate::support::oauth::split(&form["client_assertion"])
                    .map(|(h, ..)| h["kid"].clone());
                kid.as_ref().map(|k| k == "kid-test-1").unwrap_or(false)
                    || c.fail(format!("kid {kid:?}"))
            }
        })
        .expect(1)
        .create();
    let sb = Sandbox::new();
    let file = sb.path("app-key.json");
    std::fs::write(&file, &key.private_text).unwrap();
    let out = sb
        .bare()
        .args([
            "auth",
            "login",
            "--dry-run",
            "--org",
            &server.url(),
            "--client-id",
            CLIENT_ID,
            "--private-key",
        ])
        .arg(&file)
        .args(["-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}\n{:?}", chk.failures());
    assert!(
        stderr.contains("dry run: service app 0oaTESTapp123 gets DPoP tokens"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["stored"], false);
    assert!(!sb.path("config.toml").exists());
    challenge.assert();
    token.assert();
    assert_no_leak(&sb, &[&stdout, &stderr], &[&key.marker], &["app-key.json"]);
}

#[test]
fn unusable_keys_exit_2_without_quoting_them() {
    let sb = Sandbox::new();
    let junk = sb.path("junk.pem");
    std::fs::write(
        &junk,
        "-----BEGIN PRIVATE KEY-----\nTOPSECRETJUNK\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    let out = sb
        .bare()
        .args([
            "auth",
            "login",
            "--org",
            "https://acme.okta.com",
            "--client-id",
            CLIENT_ID,
            "--private-key",
        ])
        .arg(&junk)
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is not usable"), "{stderr}");
    assert!(!stderr.contains("TOPSECRETJUNK"), "{stderr}");

    let out = app_cmd(&sb, "https://acme.okta.com", "not a key TOPSECRET")
        .args(["whoami"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("OKTA_PRIVATE_KEY") && !stderr.contains("TOPSECRET"),
        "{stderr}"
    );

    let out = sb
        .bare()
        .args(["whoami", "--org", "https://acme.okta.com"])
        .env("OKTA_CLIENT_ID", CLIENT_ID)
        .env("OKTA_PRIVATE_KEY_FILE", sb.path("missing.pem"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out).1);
}

#[test]
fn an_api_token_in_the_environment_wins_over_the_service_app() {
    let mut server = mockito::Server::new();
    let me = server
        .mock("GET", "/api/v1/users/me")
        .match_header(
            "authorization",
            format!("SSWS {}", crate::support::TOKEN).as_str(),
        )
        .with_body(user("00ubot", "bot@acme.com", "ACTIVE").to_string())
        .expect(1)
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .env("OKTA_CLIENT_ID", CLIENT_ID)
        .env("OKTA_PRIVATE_KEY", "ignored")
        .args(["auth", "status", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["credential"], "API token");
    assert_eq!(v["token_source"], "environment (OKTA_API_TOKEN)");
    me.assert();
}

#[test]
fn check_perms_for_a_service_app_needs_the_scope_as_well_as_the_role() {
    let mut server = mockito::Server::new();
    let chk = Checker::default();
    let key = rsa_pkcs8();
    let granted = "okta.roles.read okta.logs.read";
    let (challenge, token) = token_endpoint(&mut server, &chk, key.public, 3600, granted);
    let token = token.expect(1).create();
    let roles_path = format!("/oauth2/v1/clients/{CLIENT_ID}/roles");
    let roles = resource(&mut server, &chk, &roles_path, Matcher::Missing, Some("nonce-1"))
        .with_body(r#"[{"id":"irb1","type":"HELP_DESK_ADMIN","label":"Help Desk Administrator","status":"ACTIVE"},{"id":"irb2","type":"REPORT_ADMIN","label":"Report Administrator","status":"ACTIVE"}]"#)
        .expect(1)
        .create();
    let targets = resource(
        &mut server,
        &chk,
        &format!("{roles_path}/irb1/targets/groups"),
        Matcher::Any,
        Some("nonce-1"),
    )
    .with_body("[]")
    .expect(1)
    .create();
    // Its health: the app's keys, read with the app's own token.
    let jwks = resource(
        &mut server,
        &chk,
        &format!("/api/v1/apps/{CLIENT_ID}/credentials/jwks"),
        Matcher::Missing,
        Some("nonce-1"),
    )
    .with_body(r#"[{"id":"pks1","kid":"k1","kty":"RSA","use":"sig","status":"ACTIVE","created":"2026-11-01T00:00:00.000Z"}]"#)
    .expect(1)
    .create();
    let sb = Sandbox::new();
    let out = app_cmd(&sb, &server.url(), &key.private_text)
        .args(["check-perms", "--for", "passwords", "-o", "json", "-q"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}\n{:?}", chk.failures());
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        v["missing"],
        serde_json::json!(["password_reset", "policy_read"])
    );
    assert_eq!(v["subject"]["kind"], "service_app");
    assert_eq!(v["health"]["kind"], "service_app");
    assert_eq!(v["health"]["checks"][0]["result"], "PASS");
    let fix = v["checks"][0]["fix"].as_str().unwrap();
    assert!(
        fix.contains("okta.users.manage") && fix.contains("HELP_DESK_ADMIN"),
        "{fix}"
    );
    assert_eq!(v["checks"][1]["result"], "PASS");
    for m in [&challenge, &token, &roles, &targets, &jwks] {
        m.assert();
    }
}

/// The service app's key through the real OS keyring: `auth login` stores it,
/// a later process signs with it from the keyring alone, `auth logout` deletes
/// it. Skips where no keyring answers, unless OKTACTL_REQUIRE_KEYRING=1.
#[test]
fn app_key_round_trips_through_the_real_keyring() {
    let mut server = mockito::Server::new();
    let chk = Checker::default();
    let key = rsa_pkcs8();
    let sb = Sandbox::new();
    let profile = format!("oktactl-app-test-{}", std::process::id());
    let cmd = || sb.keyring_cmd(&profile);
    let file = sb.path("app-key.pem");
    std::fs::write(&file, &key.private_text).unwrap();

    // Each process makes its own DPoP key, so each meets the nonce challenge;
    // the token mock answers only an assertion signed by the key, so the
    // second process's token proves the keyring held the key.
    let (challenge, token) =
        token_endpoint_for(&mut server, &chk, key.public.clone(), 3600, ALL, 2);
    let out = cmd()
        .args([
            "auth",
            "login",
            "--org",
            &server.url(),
            "--client-id",
            CLIENT_ID,
            "--private-key",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let (login_out, login_err) = text(&out);
    if no_keyring(&out, &login_err) {
        return;
    }
    assert!(
        out.status.success(),
        "login: {login_err}\n{:?}",
        chk.failures()
    );
    std::fs::remove_file(&file).unwrap();

    let roles = resource(&mut server, &chk, &format!("/oauth2/v1/clients/{CLIENT_ID}/roles"), Matcher::Any, Some("nonce-1"))
        .with_body(r#"[{"id":"ra1","type":"REPORT_ADMIN","label":"Report Administrator","assignmentType":"CLIENT"}]"#)
        .expect(1)
        .create();
    let out = cmd().args(["whoami", "-o", "json"]).output().unwrap();
    let (who_out, who_err) = text(&out);
    assert!(
        out.status.success(),
        "whoami from the keyring: {who_err}\n{:?}",
        chk.failures()
    );
    assert!(who_out.contains("REPORT_ADMIN"), "{who_out}");
    challenge.assert();
    token.assert();
    roles.assert();

    let out = cmd().args(["auth", "logout"]).output().unwrap();
    let (_, logout_err) = text(&out);
    assert!(
        out.status.success() && logout_err.contains("Deleted"),
        "{logout_err}"
    );
    assert_no_leak(
        &sb,
        &[&login_out, &login_err, &who_out, &who_err],
        &[&key.marker],
        &[],
    );
}
