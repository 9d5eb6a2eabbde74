//! The read tools: listed by default in both protocol eras, arguments
//! checked as tool errors, results bounded, `-v` lines on stderr.

use mockito::Matcher;
use serde_json::{json, Value};

use super::*;
use crate::support::org::Org;
use crate::support::{user, Sandbox};

#[test]
fn read_only_by_default_in_both_protocol_eras() {
    for (mode, version) in [("auto", "2026-07-28"), ("legacy", "2025-11-25")] {
        let mut org = Org::new();
        let mocks = bot(&mut org, &["HELP_DESK_ADMIN", "REPORT_ADMIN"]);
        let sb = Sandbox::new();
        let mut s = Session::new(vec![list(), call("whoami", json!({}))]);
        s.mode = mode;
        let Some(t) = drive(&sb, &org.url(), s) else {
            return;
        };
        assert_eq!(t["protocol"], version, "{mode}");
        assert_eq!(t["server_info"]["name"], "oktactl");
        let listed = &t["results"][0];
        assert_eq!(
            tool_names(listed),
            [
                "whoami",
                "check_perms",
                "find_user",
                "user_log",
                "lockouts",
                "expiring"
            ],
            "{mode}"
        );
        for tool in listed["tools"].as_array().unwrap() {
            let a = &tool["annotations"];
            assert_eq!(a["readOnlyHint"], true, "{tool}");
            assert_eq!(a["openWorldHint"], false, "{tool}");
            assert!(a["title"].is_string(), "{tool}");
            assert_eq!(tool["outputSchema"]["type"], "object", "{tool}");
            assert_eq!(tool["inputSchema"]["type"], "object", "{tool}");
        }
        let who = &t["results"][1];
        assert!(!is_error(who), "{who}");
        assert_eq!(structured(who)["login"], "bot@acme.com");
        assert_eq!(structured(who)["roles"][0]["type"], "HELP_DESK_ADMIN");
        let summary = who["content"][0]["text"].as_str().unwrap();
        assert!(
            summary.contains("bot@acme.com (00uBOT), 2 admin role(s)"),
            "{summary}"
        );
        assert!(
            t["stderr"].as_str().unwrap().contains("serving 6 tools"),
            "{}",
            t["stderr"]
        );
        for m in mocks {
            m.assert();
        }
    }
}

#[test]
fn find_user_returns_one_or_the_candidates_and_bad_arguments_are_tool_errors() {
    let mut org = Org::new();
    bot(&mut org, &["HELP_DESK_ADMIN"]);
    let jane = org.user(JANE, user(JANE, "jane@acme.com", "LOCKED_OUT"));
    let shared = "team@acme.com";
    org.no_user("team%40acme.com");
    let (mut a, mut b) = (
        user("00u1", "a@acme.com", "ACTIVE"),
        user("00u2", "b@acme.com", "ACTIVE"),
    );
    a["profile"]["email"] = json!(shared);
    b["profile"]["email"] = json!(shared);
    let search = org.email_search(shared, json!([a, b]));
    let sb = Sandbox::new();
    let s = Session::new(vec![
        call("find_user", json!({"user": JANE})),
        call("find_user", json!({"user": shared})),
        call("find_user", json!({})),
        call("find_user", json!({"user": "x", "color": "red"})),
        call(
            "unlock",
            json!({"user_id": JANE, "ticket": "HD-1", "requester": "sam"}),
        ),
    ]);
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let r = &t["results"];
    assert_eq!(structured(&r[0])["ambiguous"], false);
    assert_eq!(structured(&r[0])["users"][0]["id"], JANE);
    assert_eq!(structured(&r[0])["users"][0]["status"], "LOCKED_OUT");
    assert_eq!(structured(&r[1])["ambiguous"], true, "{}", r[1]);
    assert_eq!(structured(&r[1])["users"].as_array().unwrap().len(), 2);
    assert!(r[1]["content"][0]["text"]
        .as_str()
        .unwrap()
        .contains("matches 2 users"));
    for (i, want) in [
        (2, "argument 'user' is required"),
        (3, "unknown argument(s): color"),
    ] {
        assert!(is_error(&r[i]), "{}", r[i]);
        assert_eq!(structured(&r[i])["error"]["kind"], "usage");
        assert_eq!(structured(&r[i])["error"]["exit_code"], 2);
        let msg = structured(&r[i])["error"]["message"].as_str().unwrap();
        assert!(msg.contains(want), "{msg}");
    }
    // Not offered without --allow-writes: an unknown tool, a protocol error.
    assert_eq!(r[4]["protocol_error"]["code"], -32602, "{}", r[4]);
    jane.assert();
    search.assert();
    assert!(sb.audit_lines().is_empty());
}

#[test]
fn a_credential_with_super_admin_is_refused_unless_allow_excess() {
    let mut org = Org::new();
    bot(&mut org, &["SUPER_ADMIN"]);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["mcp", "--allow-writes"])
        .write_stdin("")
        .output()
        .unwrap();
    let (stdout, stderr) = crate::support::text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("the credential holds SUPER_ADMIN"),
        "{stderr}"
    );
    assert!(stderr.contains("--allow-excess"), "{stderr}");
    // With it, the server starts (and ends with stdin).
    let out = sb
        .cmd(&org.url())
        .args(["mcp", "--allow-excess"])
        .write_stdin("")
        .output()
        .unwrap();
    let (_, stderr) = crate::support::text(&out);
    assert!(stderr.contains("serving 6 tools"), "{stderr}");
}

fn event(kind: &str) -> Value {
    json!({"published": "2026-11-20T08:01:02.000Z", "eventType": kind,
           "displayMessage": "Max sign in attempts exceeded",
           "actor": {"alternateId": "jane@acme.com"},
           "outcome": {"result": "FAILURE", "reason": "LOCKED_OUT"},
           "client": {"ipAddress": "203.0.113.9", "userAgent": {"rawUserAgent": "Mozilla/5.0"}}})
}

#[test]
fn log_expiring_and_check_perms_are_bounded_and_verbose_logs_each_call_on_stderr() {
    let mut org = Org::new();
    bot(&mut org, &["HELP_DESK_ADMIN", "REPORT_ADMIN"]);
    org.user(JANE, user(JANE, "jane@acme.com", "LOCKED_OUT"));
    let logs = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::Regex("filter=.*user.account.lock".into()))
        .with_body(
            json!([
                event("user.account.lock"),
                event("user.session.start"),
                event("user.session.start")
            ])
            .to_string(),
        )
        .create();
    let policies = org
        .mock("GET", "/api/v1/policies")
        .match_query(Matcher::UrlEncoded("type".into(), "PASSWORD".into()))
        .with_body(
            json!([{"id": "pDEF", "name": "Default", "status": "ACTIVE", "priority": 1, "type": "PASSWORD",
                    "conditions": {"people": {"groups": {"include": ["00gEVERYONE"]}}, "authProvider": {"provider": "OKTA"}},
                    "settings": {"password": {"age": {"maxAgeDays": 90, "expireWarnDays": 14}}}}])
            .to_string(),
        )
        .create();
    org.get(
        "/api/v1/policies/pDEF/rules",
        json!([{"id": "0pr1", "status": "ACTIVE", "name": "Default Rule", "conditions": {}}]),
    );
    org.get(
        "/api/v1/groups/00gEVERYONE",
        crate::support::group("00gEVERYONE", "Everyone", "BUILT_IN"),
    );
    let changed = (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 85))
        .strftime("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string();
    let people: Vec<Value> = (1..=3)
        .map(|i| {
            let mut u = user(&format!("00uexp{i}"), &format!("e{i}@acme.com"), "ACTIVE");
            u["passwordChanged"] = json!(changed);
            u
        })
        .collect();
    let users = org
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::Regex("search=".into()))
        .with_body(json!(people).to_string())
        .create();
    let sb = Sandbox::new();
    let mut s = Session::new(vec![
        call(
            "user_log",
            json!({"user": JANE, "type": "lock", "since": "7d", "limit": 2}),
        ),
        call("user_log", json!({"user": JANE, "since": "1y"})),
        call("expiring", json!({"within_days": 7, "limit": 2})),
        call("check_perms", json!({"for": "passwords"})),
    ]);
    s.args = &["-v", "mcp"];
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let r = &t["results"];
    let log = structured(&r[0]);
    assert_eq!(log["user_id"], JANE);
    assert_eq!(log["events"].as_array().unwrap().len(), 2);
    assert_eq!(log["truncated"], true);
    assert_eq!(log["events"][0]["event_type"], "user.account.lock");
    assert_eq!(log["events"][0]["client_ip"], "203.0.113.9");
    assert_eq!(structured(&r[1])["error"]["kind"], "usage", "{}", r[1]);
    let exp = structured(&r[2]);
    assert_eq!(exp["total"], 3, "{}", r[2]);
    assert_eq!(exp["truncated"], true);
    assert_eq!(exp["users"].as_array().unwrap().len(), 2);
    assert_eq!(exp["users"][0]["days_left"], 4);
    let perms = structured(&r[3]);
    assert!(!is_error(&r[3]), "a failing audit is a result: {}", r[3]);
    assert_eq!(perms["ok"], false);
    assert_eq!(perms["missing"], json!(["policy_read"]));
    let stderr = t["stderr"].as_str().unwrap();
    let calls: Vec<&str> = stderr.lines().filter(|l| l.starts_with("> mcp ")).collect();
    assert_eq!(calls.len(), 4, "{stderr}");
    assert!(
        calls[0].starts_with("> mcp user_log from helpdesk-bot 4.2: ok: 2 event(s)"),
        "{stderr}"
    );
    assert!(calls[1].contains("error (usage)"), "{stderr}");
    for m in [logs, policies, users] {
        m.assert();
    }
}

#[test]
fn lockouts_lists_who_is_locked_now_from_one_log_query() {
    let mut org = Org::new();
    bot(&mut org, &["HELP_DESK_ADMIN", "REPORT_ADMIN"]);
    let lock = |kind: &str, at: &str, result: &str, reason: &str| {
        json!({"uuid": format!("e{at}"), "published": at, "eventType": kind,
               "displayMessage": "x", "severity": "WARN",
               "actor": {"id": JANE, "type": "User", "alternateId": "jane@acme.com", "displayName": "Jane Doe"},
               "target": [], "outcome": {"result": result, "reason": reason},
               "client": {"ipAddress": "203.0.113.9", "userAgent": {"rawUserAgent": "Mozilla/5.0"},
                          "geographicalContext": {"city": "Lyon", "country": "France"}}})
    };
    let logs = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::Regex("filter=.*user.account.lock".into()))
        .with_body(
            json!([
                lock(
                    "user.account.lock",
                    "2026-11-30T08:10:00.000Z",
                    "FAILURE",
                    "LOCKED_OUT"
                ),
                lock(
                    "user.session.start",
                    "2026-11-30T08:09:00.000Z",
                    "FAILURE",
                    "INVALID_CREDENTIALS"
                ),
                lock(
                    "user.session.start",
                    "2026-11-30T08:08:00.000Z",
                    "FAILURE",
                    "INVALID_CREDENTIALS"
                )
            ])
            .to_string(),
        )
        .create();
    let status = org
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::Regex("search=".into()))
        .with_body(json!([user(JANE, "jane@acme.com", "LOCKED_OUT")]).to_string())
        .create();
    let sb = Sandbox::new();
    let s = Session::new(vec![call("lockouts", json!({"since": "7d"}))]);
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let r = &t["results"][0];
    let v = structured(r);
    assert_eq!(v["total"], 1, "{r}");
    assert_eq!(v["lockouts"][0]["user_id"], JANE);
    assert_eq!(v["lockouts"][0]["still_locked"], true);
    assert_eq!(v["lockouts"][0]["failed_sign_ins"], 2);
    let text = r["content"][0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("1 user(s) locked out now in the last 7d"),
        "{text}"
    );
    logs.assert();
    status.assert();
}
