//! `log`: a bounded, filtered, newest-first System Log query.

use crate::support::org::Org;
use crate::support::{okta_error, text, user, Sandbox};
use mockito::Matcher;
use serde_json::{json, Value};

fn event() -> Value {
    json!({
        "uuid": "e1",
        "published": "2026-11-20T08:01:02.000Z",
        "eventType": "user.account.lock",
        "displayMessage": "Max sign in attempts exceeded",
        "severity": "WARN",
        "actor": {"id": "00u1", "type": "User", "alternateId": "jane@acme.com", "displayName": "Jane Doe"},
        "target": [],
        "outcome": {"result": "FAILURE", "reason": "LOCKED_OUT"},
        "client": {"ipAddress": "203.0.113.9", "userAgent": {"rawUserAgent": "Mozilla/5.0", "os": "Mac OS X"}}
    })
}

#[test]
fn log_lock_queries_a_bounded_window_newest_first() {
    let mut org = Org::new();
    let get = org.user(
        "jane%40acme.com",
        user("00u1", "jane@acme.com", "LOCKED_OUT"),
    );
    let logs = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("sortOrder".into(), "DESCENDING".into()),
            Matcher::UrlEncoded("limit".into(), "1000".into()),
            Matcher::Regex("since=20[0-9]{2}-".into()),
            Matcher::Regex("until=20[0-9]{2}-".into()),
            Matcher::Regex("filter=.*target.id\\+eq\\+%2200u1%22".into()),
            Matcher::Regex("filter=.*user.account.lock".into()),
        ]))
        .with_body(json!([event()]).to_string())
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args([
            "log",
            "jane@acme.com",
            "--type",
            "lock",
            "--since",
            "7d",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        v[0],
        json!({
            "published": "2026-11-20T08:01:02.000Z",
            "event_type": "user.account.lock",
            "display_message": "Max sign in attempts exceeded",
            "outcome": "FAILURE",
            "reason": "LOCKED_OUT",
            "actor": "jane@acme.com",
            "target": null,
            "client_ip": "203.0.113.9",
            "user_agent": "Mozilla/5.0"
        })
    );
    get.assert();
    logs.assert();
}

#[test]
fn log_rejects_a_bad_duration_before_any_request() {
    let org = Org::new();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["log", "jane@acme.com", "--since", "3 fortnights"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out).1);
}

#[test]
fn log_403_names_report_admin() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let logs = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let sb = Sandbox::new();
    let out = sb.cmd(&org.url()).args(["log", "00u1"]).output().unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("Report Admin"), "{stderr}");
    get.assert();
    logs.assert();
}

#[test]
fn log_a_filter_okta_rejects_e0000053_is_a_usage_error() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let logs = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::Any)
        .with_status(400)
        .with_body(okta_error("E0000053", "Invalid SCIM filter."))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["log", "00u1", "--type", "lock"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("E0000053"), "{stderr}");
    assert!(
        stderr.contains("hint: the filter sent: (target.id eq \"00u1\"")
            && stderr.contains("--type all"),
        "{stderr}"
    );
    assert!(!stderr.contains("Report Admin"), "{stderr}");
    get.assert();
    logs.assert();
}
