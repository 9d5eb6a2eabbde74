//! The change tools: offered with `--allow-writes` where the roles prove
//! them, by id only, with a ticket and a requester, through the gate and
//! the audit log (channel `mcp`, client, requester), confirmed by the
//! person at the client (elicitation, both protocol eras) or refused.

use mockito::{Matcher, Mock};
use serde_json::{json, Value};

use super::*;
use crate::support::org::Org;
use crate::support::{user, Sandbox};

const WRITES: &[&str] = &["mcp", "--allow-writes"];

/// `GET /api/v1/users/{JANE}` as `status`, any number of times (the id is
/// checked, then the job resolves it).
fn jane(org: &mut Org, status: &str) -> Mock {
    any_times(
        org,
        &format!("/api/v1/users/{JANE}"),
        user(JANE, "jane@acme.com", status),
    )
}

fn args(extra: Value) -> Value {
    let mut a = json!({"user_id": JANE, "ticket": "HD-1", "requester": "sam@chat"});
    if let (Some(a), Value::Object(e)) = (a.as_object_mut(), extra) {
        a.extend(e);
    }
    a
}

/// The audit lines, each checked for the agent's fields.
fn audited(sb: &Sandbox) -> Vec<Value> {
    let lines = sb.audit_lines();
    for l in &lines {
        assert_eq!(l["channel"], "mcp", "{l}");
        assert_eq!(l["client"], "helpdesk-bot", "{l}");
        assert_eq!(l["client_version"], "4.2", "{l}");
    }
    lines
}

fn kind(result: &Value) -> &str {
    structured(result)["error"]["kind"]
        .as_str()
        .unwrap_or("none")
}

#[test]
fn find_user_then_unlock_by_id_with_a_ticket_in_both_eras() {
    for mode in ["auto", "legacy"] {
        let mut org = Org::new();
        bot(&mut org, &["HELP_DESK_ADMIN"]);
        let get = jane(&mut org, "LOCKED_OUT");
        let find = org.user("jane%40acme.com", user(JANE, "jane@acme.com", "LOCKED_OUT"));
        let post = org.lifecycle(JANE, "unlock", Matcher::Missing, "{}");
        let sb = Sandbox::new();
        let mut s = Session::new(vec![
            list(),
            call("find_user", json!({"user": "jane@acme.com"})),
            call("unlock", args(json!({}))),
        ]);
        s.args = WRITES;
        s.mode = mode;
        let Some(t) = drive(&sb, &org.url(), s) else {
            return;
        };
        let r = &t["results"];
        assert_eq!(
            tool_names(&r[0]),
            [
                "whoami",
                "check_perms",
                "find_user",
                "user_log",
                "lockouts",
                "expiring",
                "unlock",
                "reset_password",
                "reset_mfa",
                "sessions_clear",
                "verify_caller"
            ],
            "Help Desk Admin proves no group membership: no grant or revoke"
        );
        let unlock = r[0]["tools"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == "unlock")
            .unwrap();
        assert_eq!(unlock["annotations"]["readOnlyHint"], false);
        assert_eq!(unlock["annotations"]["destructiveHint"], false);
        assert_eq!(unlock["annotations"]["idempotentHint"], true);
        assert_eq!(
            unlock["inputSchema"]["required"],
            json!(["user_id", "ticket", "requester"])
        );
        assert_eq!(structured(&r[1])["users"][0]["id"], JANE);
        let done = structured(&r[2]);
        assert!(!is_error(&r[2]), "{}", r[2]);
        assert_eq!(done["result"], "unlocked");
        assert_eq!(done["user"], "jane@acme.com");
        assert_eq!(done["dry_run"], false);
        assert!(done["change_id"].is_string());
        assert_eq!(done["request_id"], "req-42");
        let text = r[2]["content"][0]["text"].as_str().unwrap();
        assert!(
            text.starts_with("unlocked jane@acme.com (00u1jane"),
            "{text}"
        );
        let lines = audited(&sb);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0]["phase"], "intent");
        assert_eq!(lines[1]["outcome"], "unlocked");
        for l in &lines {
            assert_eq!(l["requester"], "sam@chat");
            assert_eq!(l["ticket"], "HD-1");
            assert_eq!(l["user_id"], JANE);
            assert_eq!(l["command"], "unlock");
            assert_eq!(l["change_id"], done["change_id"]);
        }
        get.assert();
        find.assert();
        post.assert();
    }
}

#[test]
fn logins_missing_tickets_and_bad_arguments_are_refused_sending_nothing_and_audited() {
    let mut org = Org::new();
    bot(&mut org, &["HELP_DESK_ADMIN"]);
    let get = jane(&mut org, "LOCKED_OUT");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let mut no_ticket = args(json!({}));
    no_ticket["ticket"] = json!("  ");
    let mut no_requester = args(json!({}));
    no_requester.as_object_mut().unwrap().remove("requester");
    let mut s = Session::new(vec![
        call("unlock", args(json!({"user_id": "jane@acme.com"}))),
        call("unlock", no_ticket),
        call("unlock", no_requester),
        call("unlock", args(json!({"force": "yes"}))),
        call("unlock", args(json!({"dry_run": true}))),
    ]);
    s.args = WRITES;
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let r = &t["results"];
    for (i, want) in [
        (
            0,
            "user_id must be an Okta user id (00u…), not 'jane@acme.com'",
        ),
        (1, "argument 'ticket' is required"),
        (2, "argument 'requester' is required"),
        (3, "argument 'force' must be true or false"),
    ] {
        assert!(is_error(&r[i]), "{}", r[i]);
        assert_eq!(kind(&r[i]), "usage", "{}", r[i]);
        let msg = structured(&r[i])["error"]["message"].as_str().unwrap();
        assert!(msg.contains(want), "{msg}");
    }
    let hints = &structured(&r[0])["error"]["hints"];
    assert!(
        hints[0].as_str().unwrap().contains("call find_user first"),
        "{hints}"
    );
    let dry = structured(&r[4]);
    assert_eq!(dry["result"], "would_unlock", "{}", r[4]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(
        dry["request"],
        format!("POST /api/v1/users/{JANE}/lifecycle/unlock")
    );
    assert!(dry["change_id"].is_null());
    let text = r[4]["content"][0]["text"].as_str().unwrap();
    assert!(text.starts_with("dry run: would send POST"), "{text}");
    unchanged.assert();
    get.assert();
    // Four refusals, each an intent without a call and an outcome `refused`;
    // the dry run writes nothing.
    let lines = audited(&sb);
    assert_eq!(lines.len(), 8, "{lines:?}");
    for pair in lines.chunks(2) {
        assert_eq!(pair[0]["phase"], "intent");
        assert!(pair[0].get("call").is_none(), "{}", pair[0]);
        assert_eq!(pair[1]["outcome"], "refused");
        assert_eq!(pair[0]["change_id"], pair[1]["change_id"]);
    }
    assert_eq!(lines[0]["user"], "jane@acme.com");
    assert!(lines[0]["user_id"].is_null());
    assert!(lines[1]["error"].as_str().unwrap().contains("Okta user id"));
    assert!(lines[2]["ticket"].is_null());
    assert!(lines[4].get("requester").is_none());
}

/// `POST …/lifecycle/reset_password?sendEmail=true`, expected `n` times.
fn reset_post(org: &mut Org, n: usize) -> Mock {
    org.mock(
        "POST",
        format!("/api/v1/users/{JANE}/lifecycle/reset_password").as_str(),
    )
    .match_query(Matcher::Exact("sendEmail=true".into()))
    .with_header("x-okta-request-id", "req-77")
    .with_body("{}")
    .expect(n)
    .create()
}

#[test]
fn a_confirmed_reset_is_sent_once_and_a_declined_or_cancelled_one_never_in_both_eras() {
    for mode in ["auto", "legacy"] {
        for (answer, sent) in [("accept", 1), ("decline", 0), ("cancel", 0)] {
            let mut org = Org::new();
            bot(&mut org, &["HELP_DESK_ADMIN"]);
            jane(&mut org, "ACTIVE");
            let post = reset_post(&mut org, sent);
            let sb = Sandbox::new();
            let mut s = Session::new(vec![call("reset_password", args(json!({})))]);
            s.args = WRITES;
            s.mode = mode;
            s.elicitation = Some(answer);
            let Some(t) = drive(&sb, &org.url(), s) else {
                return;
            };
            let what = format!("{mode} {answer}");
            let r = &t["results"][0];
            let asked = t["elicitations"].as_array().unwrap();
            assert_eq!(asked.len(), 1, "{what}: {t}");
            let message = asked[0]["message"].as_str().unwrap();
            assert!(
                message.starts_with(
                    "Reset the password of Jane Doe (jane@acme.com): have Okta email a reset link?"
                ),
                "{what}: {message}"
            );
            assert!(
                message.contains("Asked by sam@chat for ticket HD-1, through helpdesk-bot 4.2."),
                "{message}"
            );
            assert_eq!(
                asked[0]["requestedSchema"]["properties"]["confirm"]["type"], "boolean",
                "never a field for a secret"
            );
            let lines = audited(&sb);
            if sent == 1 {
                assert_eq!(structured(r)["result"], "email_sent", "{what}: {r}");
                assert_eq!(structured(r)["email"], "jane@acme.com");
                assert_eq!(lines.len(), 2, "{lines:?}");
                assert_eq!(lines[1]["outcome"], "email_sent");
                for l in &lines {
                    assert_eq!(l["confirmed"], "elicitation", "{l}");
                }
            } else {
                assert_eq!(kind(r), "cancelled", "{what}: {r}");
                let msg = structured(r)["error"]["message"].as_str().unwrap();
                assert!(msg.ends_with("nothing was sent"), "{msg}");
                assert_eq!(lines.len(), 2, "{lines:?}");
                assert_eq!(lines[1]["outcome"], "refused");
                assert_eq!(lines[1]["user_id"], JANE);
                assert_eq!(lines[1]["user"], "jane@acme.com");
            }
            post.assert();
        }
    }
}

#[test]
fn a_client_that_cannot_confirm_is_refused_and_nothing_is_sent() {
    for mode in ["auto", "legacy"] {
        let mut org = Org::new();
        bot(&mut org, &["HELP_DESK_ADMIN"]);
        jane(&mut org, "ACTIVE");
        let unchanged = org.no_mutation();
        let sb = Sandbox::new();
        let mut s = Session::new(vec![
            call("reset_password", args(json!({}))),
            call("reset_password", args(json!({"dry_run": true}))),
        ]);
        s.args = WRITES;
        s.mode = mode;
        let Some(t) = drive(&sb, &org.url(), s) else {
            return;
        };
        let r = &t["results"];
        assert_eq!(kind(&r[0]), "usage", "{mode}: {}", r[0]);
        let msg = structured(&r[0])["error"]["message"].as_str().unwrap();
        assert!(msg.contains("the client cannot ask"), "{msg}");
        let hints = structured(&r[0])["error"]["hints"].to_string();
        assert!(hints.contains(r#"confirm = \"policy\""#), "{hints}");
        // A dry run asks nobody.
        assert_eq!(structured(&r[1])["result"], "would_email", "{}", r[1]);
        assert!(t["elicitations"].as_array().unwrap().is_empty());
        unchanged.assert();
        let lines = audited(&sb);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[1]["outcome"], "refused");
    }
}

const GID: &str = "00gfigma000000000001";

/// A bot proven for group membership, Jane, the group and its apps; Jane's
/// groups hold `member` or not.
fn figma(org: &mut Org, member: bool) -> Vec<Mock> {
    let mut groups = vec![crate::support::group(
        "00geveryone000000000",
        "Everyone",
        "BUILT_IN",
    )];
    if member {
        groups.push(crate::support::group(GID, "Figma Users", "OKTA_GROUP"));
    }
    let mut mocks = bot(org, &["GROUP_MEMBERSHIP_ADMIN"]);
    mocks.push(jane(org, "ACTIVE"));
    mocks.push(org.get(
        &format!("/api/v1/groups/{GID}"),
        crate::support::group(GID, "Figma Users", "OKTA_GROUP"),
    ));
    mocks.push(org.get(
        &format!("/api/v1/groups/{GID}/apps"),
        json!([{"id": "0oafigma", "name": "figma", "label": "Figma", "status": "ACTIVE"}]),
    ));
    mocks.push(org.get(&format!("/api/v1/users/{JANE}/groups"), json!(groups)));
    mocks
}

fn membership(org: &mut Org, method: &str) -> Mock {
    org.mock(
        method,
        format!("/api/v1/groups/{GID}/users/{JANE}").as_str(),
    )
    .with_status(204)
    .with_header("x-okta-request-id", "req-55")
    .create()
}

#[test]
fn grant_adds_without_asking_and_revoke_removes_once_confirmed() {
    for (tool, member, method, result) in [
        ("grant", false, "PUT", "added"),
        ("revoke", true, "DELETE", "removed"),
    ] {
        let mut org = Org::new();
        let mocks = figma(&mut org, member);
        let change = membership(&mut org, method);
        let sb = Sandbox::new();
        let mut s = Session::new(vec![list(), call(tool, args(json!({"group": GID})))]);
        s.args = WRITES;
        s.mode = "legacy";
        s.elicitation = Some("accept");
        let Some(t) = drive(&sb, &org.url(), s) else {
            return;
        };
        let names = tool_names(&t["results"][0]);
        assert_eq!(names[6..], ["grant", "revoke"], "membership rights only");
        let r = &t["results"][1];
        assert_eq!(structured(r)["result"], result, "{r}");
        let group = structured(r)["group"].as_str().unwrap();
        assert!(group.contains("which provisions Figma"), "{group}");
        // Only the removal takes something away: only it was confirmed.
        let asked = t["elicitations"].as_array().unwrap().len();
        assert_eq!(asked, usize::from(tool == "revoke"), "{tool}");
        let lines = audited(&sb);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["outcome"], result);
        assert_eq!(lines[1]["group"], GID);
        change.assert();
        for m in mocks {
            m.assert();
        }
    }
}

#[test]
fn reset_mfa_and_sessions_clear_record_what_went() {
    let mut org = Org::new();
    bot(&mut org, &["HELP_DESK_ADMIN"]);
    jane(&mut org, "ACTIVE");
    let path = format!("/api/v1/users/{JANE}/authenticator-enrollments");
    org.mock("GET", path.as_str())
        .with_status(404)
        .with_body(crate::support::okta_error("E0000007", "Not found"))
        .create();
    let sms = json!([{"id": "sms1", "factorType": "sms", "provider": "OKTA", "status": "ACTIVE"}]);
    let before = org
        .mock("GET", format!("/api/v1/users/{JANE}/factors").as_str())
        .with_body(sms.to_string())
        .create();
    let reset = org.lifecycle(JANE, "reset_factors", Matcher::Missing, "{}");
    let after = org
        .mock("GET", format!("/api/v1/users/{JANE}/factors").as_str())
        .with_body("[]")
        .create();
    let sessions = org
        .mock("DELETE", format!("/api/v1/users/{JANE}/sessions").as_str())
        .match_query(Matcher::Exact("oauthTokens=true&forgetDevices=true".into()))
        .with_status(204)
        .create();
    let sb = Sandbox::new();
    let mut s = Session::new(vec![
        call("reset_mfa", args(json!({}))),
        call("sessions_clear", args(json!({}))),
    ]);
    s.args = WRITES;
    s.mode = "legacy";
    s.elicitation = Some("accept");
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let r = &t["results"];
    assert_eq!(structured(&r[0])["result"], "reset", "{}", r[0]);
    let detail = structured(&r[0])["detail"].as_str().unwrap();
    assert!(detail.contains("removed sms"), "{detail}");
    assert_eq!(structured(&r[1])["result"], "sessions_cleared", "{}", r[1]);
    assert_eq!(t["elicitations"].as_array().unwrap().len(), 2);
    let lines = audited(&sb);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[1]["detail"], detail);
    assert_eq!(lines[3]["command"], "sessions clear");
    for m in [before, reset, after, sessions] {
        m.assert();
    }
}
