//! The real OS keyring, through the binary: login stores the token, status and
//! whoami read it back, logout deletes it. Skips where no keyring answers,
//! unless OKTACTL_REQUIRE_KEYRING=1 (set by .ci/run) makes that a failure.

use std::io::Write;

use crate::support::{text, user, Sandbox, TOKEN};

/// The binary with the session-bus variables the keyring needs.
fn cmd(sb: &Sandbox, profile: &str) -> assert_cmd::Command {
    let mut c = sb.bare();
    for var in ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"] {
        if let Some(v) = std::env::var_os(var) {
            c.env(var, v);
        }
    }
    c.env("OKTACTL_PROFILE", profile);
    c
}

#[test]
fn login_status_whoami_logout_through_the_real_keyring() {
    let required = std::env::var_os("OKTACTL_REQUIRE_KEYRING").is_some_and(|v| v == "1");
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

    let out = cmd(&sb, &profile)
        .args(["auth", "login", "--org", &server.url(), "--with-token"])
        .write_stdin(format!("{TOKEN}\n"))
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    if !out.status.success() && stderr.contains("no OS keyring is available") {
        assert!(
            !required,
            "OKTACTL_REQUIRE_KEYRING=1 but no keyring: {stderr}"
        );
        eprintln!("skipped: no OS keyring answers here ({})", stderr.trim());
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
    let out = cmd(&sb, &profile)
        .args(["auth", "status", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "status: {stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["token_source"], "keyring");
    assert_eq!(v["valid"], true);
    assert_eq!(v["org"], server.url());

    let out = cmd(&sb, &profile)
        .args(["whoami", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "whoami: {stderr}");
    assert!(stdout.contains("bot@acme.com"));

    // The keyring token is never sent to another org.
    let mut other = mockito::Server::new();
    let leak = other.mock("GET", mockito::Matcher::Any).expect(0).create();
    let out = cmd(&sb, &profile)
        .args(["whoami", "--org", &other.url()])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    leak.assert();

    let out = cmd(&sb, &profile)
        .args(["auth", "logout"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "logout: {stderr}");
    assert!(stderr.contains("Deleted the credential"), "{stderr}");

    let out = cmd(&sb, &profile)
        .args(["auth", "status"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    me.assert();
    roles.assert();
    let _ = std::io::stderr().flush();
}
