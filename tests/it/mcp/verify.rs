//! `verify_caller`: a push sent, the number returned at once with a
//! transaction, the second call waiting for the answer (verified,
//! rejected); a login refused; a code method refused; the audit lines
//! (command verify, channel mcp, client, requester), never a code.

use mockito::{Matcher, Mock};
use serde_json::{json, Value};

use super::*;
use crate::support::org::Org;
use crate::support::{user, Sandbox};

const WRITES: &[&str] = &["mcp", "--allow-writes"];
const TX: &str = "v2mst.M1";

fn push(org: &mut Org, result: &str) -> Vec<Mock> {
    let tx = format!(
        "{}/api/v1/users/{JANE}/factors/opf1/transactions/{TX}",
        org.url()
    );
    vec![
        any_times(
            org,
            &format!("/api/v1/users/{JANE}"),
            user(JANE, "jane@acme.com", "ACTIVE"),
        ),
        any_times(
            org,
            &format!("/api/v1/users/{JANE}/factors"),
            json!([{"id": "opf1", "factorType": "push", "provider": "OKTA", "status": "ACTIVE"}]),
        ),
        org.mock(
            "POST",
            format!("/api/v1/users/{JANE}/factors/opf1/verify").as_str(),
        )
        .match_body(Matcher::Regex(
            r#""useNumberMatchingChallenge":true"#.into(),
        ))
        .with_status(201)
        .with_body(
            json!({"factorResult": "WAITING",
                       "_links": {"poll": {"href": tx}, "cancel": {"href": tx}},
                       "_embedded": {"challenge": {"correctAnswer": 72}}})
            .to_string(),
        )
        .expect(1)
        .create(),
        org.mock(
            "GET",
            format!("/api/v1/users/{JANE}/factors/opf1/transactions/{TX}").as_str(),
        )
        .with_body(json!({"factorResult": result}).to_string())
        .expect(1)
        .create(),
    ]
}

fn first() -> Value {
    call(
        "verify_caller",
        json!({"user_id": JANE, "requester": "sam@chat", "ticket": "HD-7", "method": "push"}),
    )
}

fn second() -> Value {
    call(
        "verify_caller",
        json!({"transaction": "$prev.transaction", "requester": "sam@chat"}),
    )
}

fn audited(sb: &Sandbox) -> Vec<Value> {
    let lines = sb.audit_lines();
    for l in &lines {
        assert_eq!(l["command"], "verify", "{l}");
        assert_eq!(l["channel"], "mcp", "{l}");
        assert_eq!(l["client"], "helpdesk-bot", "{l}");
        assert_eq!(l["requester"], "sam@chat", "{l}");
    }
    lines
}

fn run(result: &str) -> Option<(Value, Sandbox, Vec<Mock>)> {
    let mut org = Org::new();
    let mut mocks = bot(&mut org, &["HELP_DESK_ADMIN"]);
    mocks.extend(push(&mut org, result));
    let sb = Sandbox::new();
    let mut s = Session::new(vec![list(), first(), second()]);
    s.args = WRITES;
    let t = drive(&sb, &org.url(), s)?;
    for m in &mocks {
        m.assert();
    }
    Some((t, sb, mocks))
}

#[test]
fn a_push_returns_the_number_then_verified() {
    let Some((t, sb, _m)) = run("SUCCESS") else {
        return;
    };
    let r = &t["results"];
    let tool = r[0]["tools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "verify_caller")
        .expect("listed with --allow-writes")
        .clone();
    let a = &tool["annotations"];
    assert_eq!(
        (
            &a["readOnlyHint"],
            &a["destructiveHint"],
            &a["idempotentHint"],
            &a["openWorldHint"]
        ),
        (&json!(false), &json!(false), &json!(false), &json!(true))
    );
    let w = structured(&r[1]);
    assert!(!is_error(&r[1]), "{}", r[1]);
    assert_eq!(w["status"], "waiting");
    assert_eq!(w["number"], 72);
    assert!(w["transaction"].as_str().unwrap().starts_with("v-"));
    let d = structured(&r[2]);
    assert!(!is_error(&r[2]), "{}", r[2]);
    assert_eq!(d["status"], "verified");
    assert_eq!(d["user_id"], JANE);
    assert_eq!(d["transaction_id"], TX);
    let lines = audited(&sb);
    let phases: Vec<&str> = lines.iter().map(|l| l["phase"].as_str().unwrap()).collect();
    assert_eq!(phases, ["intent", "outcome"], "{lines:?}");
    assert_eq!(lines[0]["ticket"], "HD-7");
    assert_eq!(lines[1]["outcome"], "verified");
}

#[test]
fn a_rejected_push_is_an_error_with_the_result() {
    let Some((t, sb, _m)) = run("REJECTED") else {
        return;
    };
    let r = &t["results"];
    assert_eq!(structured(&r[1])["number"], 72);
    assert!(is_error(&r[2]), "{}", r[2]);
    let text = r[2].to_string();
    assert!(text.contains("rejected"), "{text}");
    let lines = audited(&sb);
    assert_eq!(lines.last().unwrap()["outcome"], "rejected");
}

#[test]
fn a_login_or_a_code_method_is_refused_and_nothing_is_sent() {
    let mut org = Org::new();
    let _bot = bot(&mut org, &["HELP_DESK_ADMIN"]);
    let _none = org.no_mutation();
    let sb = Sandbox::new();
    let mut s = Session::new(vec![
        call(
            "verify_caller",
            json!({"user_id": "jane@acme.com", "requester": "sam@chat"}),
        ),
        call(
            "verify_caller",
            json!({"user_id": JANE, "requester": "sam@chat", "method": "sms"}),
        ),
        call(
            "verify_caller",
            json!({"transaction": "v-nope", "requester": "sam@chat"}),
        ),
    ]);
    s.args = WRITES;
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let r = &t["results"];
    for i in 0..3 {
        assert!(is_error(&r[i]), "{}", r[i]);
        assert_eq!(structured(&r[i])["error"]["kind"], "usage", "{}", r[i]);
    }
    assert!(r[0].to_string().contains("00u"), "{}", r[0]);
    assert!(
        r[1].to_string().contains("not available to agents"),
        "{}",
        r[1]
    );
    let lines = audited(&sb);
    assert_eq!(
        lines.len(),
        4,
        "two refusals, intent and outcome each: {lines:?}"
    );
    assert!(lines
        .iter()
        .all(|l| l["phase"] == "intent" || l["outcome"] == "refused"));
    assert_eq!(lines[0]["user"], "jane@acme.com");
}
