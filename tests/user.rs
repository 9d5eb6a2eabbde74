#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::{okta_error, text, user, Sandbox, TOKEN};
use mockito::Matcher;

#[test]
fn user_show_by_login_sends_token_and_user_agent() {
    let mut server = mockito::Server::new();
    let get = server
        .mock("GET", "/api/v1/users/jane%40acme.com")
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .match_header("user-agent", Matcher::Regex("^oktactl/".into()))
        .with_body(user("00u1", "jane@acme.com", "ACTIVE").to_string())
        .create();
    let groups = server
        .mock("GET", "/api/v1/users/00u1/groups")
        .with_body("[]")
        .create();
    let policies = server
        .mock("GET", "/api/v1/policies")
        .match_query(Matcher::Any)
        .with_body("[]")
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .args(["user", "show", "jane@acme.com", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["id"], "00u1");
    assert_eq!(v["login"], "jane@acme.com");
    assert_eq!(v["name"], "Jane Doe");
    assert!(v.get("groups").is_none());
    get.assert();
    groups.assert();
    policies.assert();
}

#[test]
fn unknown_user_exits_3() {
    let mut server = mockito::Server::new();
    let get = server
        .mock("GET", "/api/v1/users/ghost")
        .with_status(404)
        .with_body(okta_error(
            "E0000007",
            "Not found: Resource not found: ghost (User)",
        ))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .args(["user", "show", "ghost"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.starts_with("error: no user with id, login or email 'ghost'"),
        "{stderr}"
    );
    get.assert();
}
