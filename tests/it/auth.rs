use crate::support::org::Org;
use crate::support::{okta_error, text, user, Sandbox, TOKEN};

#[test]
fn login_with_a_wrong_token_exits_4_and_stores_nothing() {
    let mut org = Org::new();
    let me = org.rejects_token();
    let sb = Sandbox::new();
    let out = sb
        .bare()
        .args(["auth", "login", "--org", &org.url(), "--with-token"])
        .write_stdin("wrong-token\n")
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(
        stderr.contains("E0000011: Invalid token provided"),
        "{stderr}"
    );
    assert!(!sb.path("config.toml").exists());
    me.assert();
}

#[test]
fn login_without_a_terminal_or_with_token_is_a_usage_error() {
    let sb = Sandbox::new();
    let out = sb
        .bare()
        .args(["auth", "login", "--org", "https://acme.okta.com"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("hint: pipe it in"), "{stderr}");
}

#[test]
fn login_dry_run_verifies_and_stores_nothing() {
    let mut org = Org::new();
    let me = org
        .mock("GET", "/api/v1/users/me")
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .with_body(user("00ubot", "bot@acme.com", "ACTIVE").to_string())
        .create();
    let sb = Sandbox::new();
    let out = sb
        .bare()
        .args([
            "auth",
            "login",
            "--dry-run",
            "--org",
            &org.url(),
            "--with-token",
        ])
        .write_stdin(TOKEN)
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("dry run: the token works for bot@acme.com"),
        "{stderr}"
    );
    assert!(!sb.path("config.toml").exists());
    me.assert();
}

#[test]
fn status_reports_an_env_token_and_its_owner() {
    let mut org = Org::new();
    let me = org.user("me", user("00ubot", "bot@acme.com", "ACTIVE"));
    let tokens = org.get("/api/v1/api-tokens", serde_json::json!([]));
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["auth", "status", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["token_source"], "environment (OKTA_API_TOKEN)");
    assert_eq!(v["profile"], "default");
    assert_eq!(v["valid"], true);
    assert!(v["token_owner"]
        .as_str()
        .unwrap()
        .starts_with("bot@acme.com"));
    assert!(!stdout.contains(TOKEN));
    assert_eq!(v["health"]["kind"], "api_token");
    assert_eq!(v["health"]["checks"][1]["result"], "UNKNOWN");
    me.assert();
    tokens.assert();
}

#[test]
fn no_token_anywhere_exits_4_naming_the_env_var() {
    let sb = Sandbox::new();
    let out = sb
        .bare()
        .env("OKTA_ORG_URL", "https://acme.okta.com")
        .args(["whoami"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("OKTA_API_TOKEN"), "{stderr}");
}

#[test]
fn no_org_anywhere_exits_2() {
    let sb = Sandbox::new();
    let out = sb
        .bare()
        .env("OKTA_API_TOKEN", TOKEN)
        .args(["whoami"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--org"), "{stderr}");
}

#[test]
fn whoami_still_shows_the_account_when_roles_are_refused() {
    let mut org = Org::new();
    let me = org.user("me", user("00ubot", "bot@acme.com", "ACTIVE"));
    let roles = org
        .mock("GET", "/api/v1/users/00ubot/roles")
        .with_status(403)
        .with_body(okta_error(
            "E0000006",
            "You do not have permission to perform the requested action",
        ))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["whoami", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("Okta refused to list this account's roles"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["login"], "bot@acme.com");
    assert!(v["roles"].is_null());
    me.assert();
    roles.assert();
}

#[test]
fn whoami_lists_direct_and_group_roles_with_targets() {
    let mut org = Org::new();
    let me = org.user("me", user("00ubot", "bot@acme.com", "ACTIVE"));
    let roles = org
        .mock("GET", "/api/v1/users/00ubot/roles")
        .with_body(
            serde_json::json!([
                {"id": "KVJUKUS7IFCE2SKO", "type": "USER_ADMIN", "label": "Group Administrator", "assignmentType": "USER"},
                {"id": "gra1", "type": "HELP_DESK_ADMIN", "label": "Help Desk Administrator", "assignmentType": "GROUP",
                 "_links": {"assignee": {"href": format!("{}/api/v1/groups/00gadmins", org.url())}}},
                {"id": "ra3", "type": "REPORT_ADMIN", "label": "Report Administrator", "assignmentType": "USER"}
            ])
            .to_string(),
        )
        .create();
    let direct = org
        .mock(
            "GET",
            "/api/v1/users/00ubot/roles/KVJUKUS7IFCE2SKO/targets/groups",
        )
        .match_query(mockito::Matcher::Any)
        .with_body(r#"[{"id":"00geng","type":"OKTA_GROUP","profile":{"name":"Engineering"}}]"#)
        .create();
    let via_group = org
        .mock("GET", "/api/v1/groups/00gadmins/roles/gra1/targets/groups")
        .match_query(mockito::Matcher::Any)
        .with_body("[]")
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["whoami", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let r = &v["roles"];
    assert_eq!(r[0]["type"], "USER_ADMIN");
    assert_eq!(r[0]["scope"], "targets");
    assert_eq!(r[0]["targets"]["groups"][0]["name"], "Engineering");
    assert_eq!(r[1]["assignment_type"], "GROUP");
    assert_eq!(r[1]["scope"], "all");
    assert_eq!(r[2]["scope"], "n/a");
    for m in [me, roles, direct, via_group] {
        m.assert();
    }
}
