//! The real OS keyring, through the binary: login stores the token, status and
//! whoami read it back, logout deletes it. Skips where no keyring answers,
//! unless OKTACTL_REQUIRE_KEYRING=1 (set by .ci/run) makes that a failure.

use std::io::Write;

use crate::support::{no_keyring, text, user, Sandbox, TOKEN};

#[test]
fn login_status_whoami_logout_through_the_real_keyring() {
    let mut server = mockito::Server::new();
    let me = server
        .mock("GET", "/api/v1/users/me")
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .with_body(user("00ubot", "bot@acme.com", "ACTIVE").to_string())
        .expect(3)
        .create();
    let roles = server
        .mock("GET", "/api/v1/users/00ubot/roles")
        .with_body("[]")
        .expect(1)
        .create();
    let sb = Sandbox::new();
    let profile = format!("oktactl-test-{}", std::process::id());

    let out = sb
        .keyring_cmd(&profile)
        .args(["auth", "login", "--org", &server.url(), "--with-token"])
        .write_stdin(format!("{TOKEN}\n"))
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    if no_keyring(&out, &stderr) {
        return;
    }
    assert!(out.status.success(), "login: {stderr}");
    assert!(stderr.contains("token stored in"), "{stderr}");
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
    let config = std::fs::read_to_string(sb.path("config.toml")).unwrap();
    assert!(
        config.contains(&server.url()) && !config.contains(TOKEN),
        "{config}"
    );

    // No OKTA_ORG_URL, no OKTA_API_TOKEN: both come from the profile and keyring.
    let out = sb
        .keyring_cmd(&profile)
        .args(["auth", "status", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "status: {stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["token_source"], "keyring");
    assert_eq!(v["valid"], true);
    assert_eq!(v["org"], server.url());

    let out = sb
        .keyring_cmd(&profile)
        .args(["whoami", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "whoami: {stderr}");
    assert!(stdout.contains("bot@acme.com"));

    // The keyring token is never sent to another org.
    let mut other = mockito::Server::new();
    let leak = other.mock("GET", mockito::Matcher::Any).expect(0).create();
    let out = sb
        .keyring_cmd(&profile)
        .args(["whoami", "--org", &other.url()])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    leak.assert();

    let out = sb
        .keyring_cmd(&profile)
        .args(["auth", "logout"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "logout: {stderr}");
    assert!(stderr.contains("Deleted the credential"), "{stderr}");

    let out = sb
        .keyring_cmd(&profile)
        .args(["auth", "status"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    me.assert();
    roles.assert();
    let _ = std::io::stderr().flush();
}
