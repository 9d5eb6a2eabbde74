use crate::support::org::Org;
use crate::support::{epoch, okta_error, text, user, Sandbox, TOKEN};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

#[test]
fn user_show_by_login_sends_token_and_user_agent() {
    let mut org = Org::new();
    let get = org
        .mock("GET", "/api/v1/users/jane%40acme.com")
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .match_header("user-agent", Matcher::Regex("^oktactl/".into()))
        .with_body(user("00u1", "jane@acme.com", "ACTIVE").to_string())
        .create();
    let groups = org
        .mock("GET", "/api/v1/users/00u1/groups")
        .with_body("[]")
        .create();
    let policies = org
        .mock("GET", "/api/v1/policies")
        .match_query(Matcher::Any)
        .with_body("[]")
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
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
    let mut org = Org::new();
    let get = org
        .mock("GET", "/api/v1/users/ghost")
        .with_status(404)
        .with_body(okta_error(
            "E0000007",
            "Not found: Resource not found: ghost (User)",
        ))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
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

#[test]
fn ambiguous_email_exits_3_listing_candidates() {
    let mut org = Org::new();
    let get = org.no_user("pat%40acme.com");
    let mut a = user("00u1", "pat.a@acme.com", "ACTIVE");
    a["profile"]["email"] = "pat@acme.com".into();
    let mut b = user("00u2", "pat.b@acme.com", "SUSPENDED");
    b["profile"]["email"] = "PAT@acme.com".into();
    let search = org.email_search("pat@acme.com", serde_json::json!([a, b]));
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["user", "show", "pat@acme.com"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("matches 2 users"), "{stderr}");
    assert!(
        stderr.contains("candidate: 00u1 pat.a@acme.com") && stderr.contains("candidate: 00u2"),
        "{stderr}"
    );
    get.assert();
    search.assert();
}

#[test]
fn email_fallback_finds_the_one_exact_match() {
    let mut org = Org::new();
    let get = org.no_user("jo%40acme.com");
    let mut found = user("00u7", "jdoe", "LOCKED_OUT");
    found["profile"]["email"] = "jo@acme.com".into();
    let search = org.email_search("jo@acme.com", serde_json::json!([found]));
    let rest = org
        .mock(
            "GET",
            Matcher::Regex("^/api/v1/(users/00u7/groups|policies)".into()),
        )
        .with_body("[]")
        .expect(2)
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["user", "show", "jo@acme.com", "-o", "csv"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("id,login,email,name,status,title,department,manager,created,last_login,password_changed,password_expires,status_changed,password_source"));
    assert!(lines
        .next()
        .unwrap()
        .starts_with("00u7,jdoe,jo@acme.com,Jane Doe,LOCKED_OUT"));
    for m in [get, search, rest] {
        m.assert();
    }
}

/// The user's groups: Everyone (BUILT_IN) and Contractors.
const GROUPS: &str = r#"[{"id":"00geveryone","type":"BUILT_IN","profile":{"name":"Everyone"}},{"id":"00gcontr","type":"OKTA_GROUP","profile":{"name":"Contractors"}}]"#;

/// Two password policies: Default (Everyone, 90 days, priority 2) and
/// Contractors (30 days, priority 1), with their rules embedded or not.
fn two_policies(embedded: bool) -> Value {
    let rules = json!({"rules": [{"status": "ACTIVE", "conditions": {"people": {"users": {"exclude": []}}}}]});
    let mut list = json!([
        {"id": "pdef", "name": "Default", "status": "ACTIVE", "priority": 2, "system": true,
         "conditions": {"people": {"groups": {"include": ["00geveryone"]}}, "authProvider": {"provider": "OKTA"}},
         "settings": {"password": {"age": {"maxAgeDays": 90, "expireWarnDays": 14}}}},
        {"id": "pcon", "name": "Contractors", "status": "ACTIVE", "priority": 1,
         "conditions": {"people": {"groups": {"include": ["00gcontr"]}}, "authProvider": {"provider": "OKTA"}},
         "settings": {"password": {"age": {"maxAgeDays": 30, "expireWarnDays": 5}}}}
    ]);
    if embedded {
        for p in list.as_array_mut().unwrap() {
            p["_embedded"] = rules.clone();
        }
    }
    list
}

/// `GET /api/v1/policies?type=PASSWORD&status=ACTIVE&expand=rules`, once.
fn policies_mock(org: &mut Org, status: usize, body: &str) -> Mock {
    org.mock("GET", "/api/v1/policies")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("type".into(), "PASSWORD".into()),
            Matcher::UrlEncoded("status".into(), "ACTIVE".into()),
            Matcher::UrlEncoded("expand".into(), "rules".into()),
        ]))
        .with_status(status)
        .with_body(body)
        .expect(1)
        .create()
}

/// Any GET not mounted before: none may come. Create it last.
fn no_other_get(org: &mut Org) -> Mock {
    org.mock("GET", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create()
}

fn show(org: &Org, args: &[&str]) -> (std::process::Output, String, String) {
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_MAX_RATE_WAIT", "1")
        .args(["user", "show"])
        .args(args)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    (out, stdout, stderr)
}

#[test]
fn user_show_computes_password_expiry_in_three_requests() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let groups = org.get_n(
        "/api/v1/users/00u1/groups",
        serde_json::from_str(GROUPS).unwrap(),
        2,
    );
    let policies = org
        .mock("GET", "/api/v1/policies")
        .match_query(Matcher::UrlEncoded("expand".into(), "rules".into()))
        .with_body(two_policies(true).to_string())
        .expect(2)
        .create();
    let factors = org
        .mock("GET", "/api/v1/users/00u1/factors")
        .with_body(r#"[{"id":"opf1","factorType":"push","provider":"OKTA","status":"ACTIVE"}]"#)
        .expect(1)
        .create();
    let get2 = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let other = no_other_get(&mut org);
    // Plain: the user, the user's groups, the policies with their rules.
    let (out, stdout, stderr) = show(&org, &["00u1", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    // passwordChanged 2026-10-01 + 30 days (Contractors, priority 1).
    assert_eq!(v["password_expires"], "2026-10-31T00:00:00Z");
    assert!(v.get("groups").is_none() && v.get("factors").is_none());
    assert!(!stderr.contains("warning"), "{stderr}");
    // --groups reuses the same list; --factors adds the one request it needs.
    let (out, stdout, stderr) = show(&org, &["00u1", "--groups", "--factors", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["password_expires"], "2026-10-31T00:00:00Z");
    assert_eq!(v["groups"][1]["name"], "Contractors");
    assert_eq!(v["factors"][0]["type"], "push");
    for m in [get, get2, groups, policies, factors, other] {
        m.assert();
    }
}

#[test]
fn rules_not_embedded_are_listed_per_policy() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let groups = org.get(
        "/api/v1/users/00u1/groups",
        serde_json::from_str(GROUPS).unwrap(),
    );
    let policies = policies_mock(&mut org, 200, &two_policies(false).to_string());
    let rules = org
        .mock(
            "GET",
            Matcher::Regex("^/api/v1/policies/p(def|con)/rules$".into()),
        )
        .with_body(
            r#"[{"status":"ACTIVE","conditions":{"people":{"users":{"exclude":["00u1"]}}}}]"#,
        )
        .expect(2)
        .create();
    let other = no_other_get(&mut org);
    let (out, stdout, stderr) = show(&org, &["00u1", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    // Every rule excludes the user: no policy applies.
    assert_eq!(v["password_expires"], Value::Null);
    for m in [get, groups, policies, rules, other] {
        m.assert();
    }
}

#[test]
fn everyone_missing_from_the_users_groups_is_looked_up_once() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let groups = org.get("/api/v1/users/00u1/groups", json!([]));
    let policies = policies_mock(&mut org, 200, &two_policies(true).to_string());
    let everyone = org
        .mock("GET", "/api/v1/groups")
        .match_query(Matcher::UrlEncoded(
            "filter".into(),
            r#"type eq "BUILT_IN""#.into(),
        ))
        .with_body(r#"[{"id":"00geveryone","type":"BUILT_IN","profile":{"name":"Everyone"}}]"#)
        .expect(1)
        .create();
    let other = no_other_get(&mut org);
    let (out, stdout, stderr) = show(&org, &["00u1", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    // Not a contractor: the Default policy, 90 days.
    assert_eq!(v["password_expires"], "2026-12-30T00:00:00Z");
    for m in [get, groups, policies, everyone, other] {
        m.assert();
    }
}

#[test]
fn a_429_on_the_policies_still_prints_the_user() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let groups = org.get(
        "/api/v1/users/00u1/groups",
        serde_json::from_str(GROUPS).unwrap(),
    );
    let limited = org
        .mock("GET", "/api/v1/policies")
        .match_query(Matcher::Any)
        .with_status(429)
        .with_header("x-rate-limit-remaining", "0")
        .with_header("x-rate-limit-reset", &(epoch() + 30).to_string())
        .with_body(okta_error(
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        ))
        .expect_at_least(1)
        .create();
    let (out, stdout, stderr) = show(&org, &["00u1", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["id"], "00u1");
    assert_eq!(v["password_expires"], Value::Null);
    assert!(
        stderr.contains("warning: the password expiry is unknown: reading the password policies")
            && stderr.contains("429"),
        "{stderr}"
    );
    for m in [get, groups, limited] {
        m.assert();
    }
}

#[test]
fn a_403_on_the_policies_and_factors_makes_them_null_with_warnings() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let groups = org.get(
        "/api/v1/users/00u1/groups",
        serde_json::from_str(GROUPS).unwrap(),
    );
    let denied = okta_error(
        "E0000006",
        "You do not have permission to perform the requested action",
    );
    let policies = policies_mock(&mut org, 403, &denied);
    let factors = org
        .mock("GET", "/api/v1/users/00u1/factors")
        .with_status(403)
        .with_body(&denied)
        .expect(1)
        .create();
    let other = no_other_get(&mut org);
    let (out, stdout, stderr) = show(&org, &["00u1", "--groups", "--factors", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["login"], "jane@acme.com");
    assert_eq!(v["password_expires"], Value::Null);
    assert_eq!(v["factors"], Value::Null);
    assert_eq!(v["groups"][0]["type"], "BUILT_IN");
    assert!(
        stderr.contains("warning: the password expiry is unknown"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: the factors are unknown"),
        "{stderr}"
    );
    assert!(!stderr.contains("error:"), "{stderr}");
    for m in [get, groups, policies, factors, other] {
        m.assert();
    }
}

#[test]
fn unreadable_groups_make_groups_and_expiry_unknown() {
    let mut org = Org::new();
    let get = org.get_n(
        "/api/v1/users/00u1",
        user("00u1", "jane@acme.com", "ACTIVE"),
        2,
    );
    let groups = org
        .mock("GET", "/api/v1/users/00u1/groups")
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .expect(2)
        .create();
    let other = no_other_get(&mut org);
    let (out, stdout, stderr) = show(&org, &["00u1", "--groups"]);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("jane@acme.com"), "{stdout}");
    assert!(stdout.contains("Groups: unknown"), "{stdout}");
    assert_eq!(
        stderr.matches("warning:").count(),
        1,
        "one warning for both parts: {stderr}"
    );
    assert!(
        stderr.contains(
            "warning: the groups and the password expiry are unknown: listing the user's groups"
        ),
        "{stderr}"
    );
    let (out, stdout, _) = show(&org, &["00u1", "--groups", "-o", "json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (&v["groups"], &v["password_expires"]),
        (&Value::Null, &Value::Null)
    );
    for m in [get, groups, other] {
        m.assert();
    }
}

#[test]
fn user_list_query_and_status_become_one_paged_search() {
    let mut org = Org::new();
    let list = org
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("limit".into(), "200".into()),
            Matcher::UrlEncoded(
                "search".into(),
                r#"status eq "LOCKED_OUT" and (profile.firstName sw "ja" or profile.lastName sw "ja" or profile.email sw "ja" or profile.login sw "ja")"#.into(),
            ),
        ]))
        .with_body(serde_json::json!([user("00u1", "jane@acme.com", "LOCKED_OUT")]).to_string())
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["user", "list", "--status", "locked_out", "--query", "ja"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("jane@acme.com") && stdout.contains("LOCKED_OUT"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'), "no colour when piped");
    list.assert();
}

#[test]
fn user_list_search_leaves_out_deprovisioned_unless_asked() {
    let mut org = Org::new();
    let list = org
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::UrlEncoded(
            "search".into(),
            r#"(status lt "DEPROVISIONED" or status gt "DEPROVISIONED") and (profile.department eq "Sales")"#.into(),
        ))
        .with_body("[]")
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args([
            "user",
            "list",
            "--search",
            r#"profile.department eq "Sales""#,
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout.trim(), "[]");
    list.assert();
}

#[test]
fn user_list_group_streams_members_filtered_by_status() {
    let mut org = Org::new();
    let find = org.group_by_name(
        "Engineering",
        serde_json::json!([{"id": "00geng", "type": "OKTA_GROUP", "profile": {"name": "Engineering"}}]),
    );
    let members = org
        .mock("GET", "/api/v1/groups/00geng/users")
        .match_query(Matcher::UrlEncoded("limit".into(), "200".into()))
        .with_body(
            serde_json::json!([
                user("00u1", "a@acme.com", "ACTIVE"),
                user("00u2", "b@acme.com", "DEPROVISIONED")
            ])
            .to_string(),
        )
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["user", "list", "--group", "Engineering", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["login"], "a@acme.com");
    find.assert();
    members.assert();
}

#[test]
fn colour_only_at_a_terminal_and_never_with_no_color() {
    let mut org = Org::new();
    let list = org
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::Any)
        .with_body(serde_json::json!([user("00u1", "jane@acme.com", "LOCKED_OUT")]).to_string())
        .expect(3)
        .create();
    let sb = Sandbox::new();
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let mut c = sb.cmd(&org.url());
        c.env("OKTACTL_FORCE_TTY", "1")
            .args(["user", "list"])
            .args(extra);
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        assert!(out.status.success());
        text(&out).0
    };
    assert!(run(&[], &[]).contains("\u{1b}["), "coloured at a terminal");
    assert!(!run(&["--no-color"], &[]).contains('\u{1b}'));
    assert!(!run(&[], &[("NO_COLOR", "1")]).contains('\u{1b}'));
    list.assert();
}
