//! The policy for agents: `[mcp] budget` (refused with when to retry),
//! `confirm = "policy"` (a client that cannot ask is not refused), `tools`
//! (offered where Okta hides the roles), and the gate's own rules (a
//! ticket pattern) holding for agents as for people.

use mockito::{Matcher, Mock};
use serde_json::{json, Value};

use super::*;
use crate::support::org::Org;
use crate::support::{okta_error, user, Sandbox};

fn policy(sb: &Sandbox, text: &str) -> String {
    let path = sb.path("policy.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn jane(org: &mut Org, status: &str) -> Mock {
    any_times(
        org,
        &format!("/api/v1/users/{JANE}"),
        user(JANE, "jane@acme.com", status),
    )
}

fn unlock(requester: &str, ticket: &str) -> Value {
    call(
        "unlock",
        json!({"user_id": JANE, "ticket": ticket, "requester": requester}),
    )
}

fn kind(result: &Value) -> &str {
    structured(result)["error"]["kind"]
        .as_str()
        .unwrap_or("none")
}

#[test]
fn a_spent_budget_is_refused_with_when_to_retry_and_audited() {
    let mut org = Org::new();
    bot(&mut org, &["HELP_DESK_ADMIN"]);
    jane(&mut org, "LOCKED_OUT");
    let post = org
        .mock(
            "POST",
            format!("/api/v1/users/{JANE}/lifecycle/unlock").as_str(),
        )
        .with_body("{}")
        .expect(3)
        .create();
    let sb = Sandbox::new();
    let file = policy(
        &sb,
        "[mcp.budget]\nper_user_per_hour = 2\nglobal_per_hour = 3\n",
    );
    let mut s = Session::new(vec![
        unlock("sam", "HD-1"),
        unlock("Sam", "HD-2"),
        unlock("sam", "HD-3"),
        call(
            "unlock",
            json!({"user_id": JANE, "ticket": "HD-3", "requester": "sam", "dry_run": true}),
        ),
        unlock("kim", "HD-4"),
        unlock("lee", "HD-5"),
    ]);
    let args = ["--policy", file.as_str(), "mcp", "--allow-writes"];
    s.args = &args;
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let r = &t["results"];
    assert_eq!(structured(&r[0])["result"], "unlocked");
    assert_eq!(
        structured(&r[1])["result"],
        "unlocked",
        "requesters in any case"
    );
    assert_eq!(kind(&r[2]), "rate_limited", "{}", r[2]);
    let msg = structured(&r[2])["error"]["message"].as_str().unwrap();
    assert!(
        msg.contains("budget for sam is spent: 2 change(s) an hour"),
        "{msg}"
    );
    assert!(msg.contains("retry after 20"), "{msg}");
    assert!(msg.contains("(in 60 min)"), "{msg}");
    assert_eq!(
        structured(&r[3])["result"],
        "would_unlock",
        "a dry run sends nothing"
    );
    assert_eq!(structured(&r[4])["result"], "unlocked");
    let msg = structured(&r[5])["error"]["message"].as_str().unwrap();
    assert!(msg.contains("budget in all is spent: 3"), "{msg}");
    post.assert();
    let refused: Vec<Value> = sb
        .audit_lines()
        .into_iter()
        .filter(|l| l["outcome"] == "refused")
        .collect();
    assert_eq!(refused.len(), 2);
    assert_eq!(refused[0]["requester"], "sam");
    assert_eq!(refused[0]["ticket"], "HD-3");
    assert_eq!(refused[0]["user_id"], JANE);
    // A restart counts the hour's changes from the audit log.
    let mut s = Session::new(vec![unlock("kim", "HD-6")]);
    s.args = &args;
    let t = drive(&sb, &org.url(), s).unwrap();
    assert_eq!(
        kind(&t["results"][0]),
        "rate_limited",
        "{}",
        t["results"][0]
    );
}

#[test]
fn confirm_policy_stands_in_for_a_client_that_cannot_ask_and_says_so() {
    let mut org = Org::new();
    bot(&mut org, &["HELP_DESK_ADMIN"]);
    jane(&mut org, "ACTIVE");
    let post = org
        .mock(
            "POST",
            format!("/api/v1/users/{JANE}/lifecycle/reset_password").as_str(),
        )
        .match_query(Matcher::Exact("sendEmail=true".into()))
        .with_body("{}")
        .create();
    let sb = Sandbox::new();
    let file = policy(&sb, "[mcp]\nconfirm = \"policy\"\n");
    let mut s = Session::new(vec![call(
        "reset_password",
        json!({"user_id": JANE, "ticket": "HD-1", "requester": "sam"}),
    )]);
    let args = ["--policy", file.as_str(), "mcp", "--allow-writes"];
    s.args = &args;
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    assert_eq!(structured(&t["results"][0])["result"], "email_sent");
    let lines = sb.audit_lines();
    assert_eq!(lines.len(), 2);
    for l in &lines {
        assert_eq!(l["confirmed"], "policy", "{l}");
        assert_eq!(l["policy"]["decision"], "allow", "{l}");
    }
    post.assert();
}

#[test]
fn where_okta_hides_the_roles_the_policy_names_the_change_tools() {
    let mut org = Org::new();
    any_times(
        &mut org,
        "/api/v1/users/me",
        user(ME, "bot@acme.com", "ACTIVE"),
    );
    for path in [
        format!("/api/v1/users/{ME}/roles"),
        "/api/v1/users".into(),
        "/api/v1/groups".into(),
        "/api/v1/apps".into(),
        "/api/v1/logs".into(),
        "/api/v1/policies".into(),
        "/api/v1/api-tokens".into(),
    ] {
        org.mock("GET", path.as_str())
            .match_query(Matcher::Any)
            .with_status(403)
            .with_body(okta_error("E0000006", "You do not have permission"))
            .create();
    }
    let sb = Sandbox::new();
    let file = policy(
        &sb,
        "[mcp]\ntools = [\"unlock\", \"reset_mfa\", \"frobnicate\"]\n",
    );
    let mut s = Session::new(vec![list()]);
    let args = ["--policy", file.as_str(), "mcp", "--allow-writes"];
    s.args = &args;
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let names = tool_names(&t["results"][0]);
    assert_eq!(names[6..], ["unlock", "reset_mfa"], "{names:?}");
    let stderr = t["stderr"].as_str().unwrap();
    assert!(
        stderr.contains("'frobnicate', which is no tool"),
        "{stderr}"
    );
    assert!(
        stderr.contains("change tools named by the policy (mcp.tools)"),
        "{stderr}"
    );
    // Without the policy, no change tool at all.
    let mut s = Session::new(vec![list()]);
    s.args = WRITES_ONLY;
    let t = drive(&Sandbox::new(), &org.url(), s).unwrap();
    assert_eq!(tool_names(&t["results"][0]).len(), 6);
}

const WRITES_ONLY: &[&str] = &["mcp", "--allow-writes"];

#[test]
fn the_gates_rules_hold_for_agents_a_ticket_pattern() {
    let mut org = Org::new();
    bot(&mut org, &["HELP_DESK_ADMIN"]);
    jane(&mut org, "LOCKED_OUT");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let file = policy(&sb, "[ticket]\npattern = \"^HD-[0-9]+$\"\n");
    let mut s = Session::new(vec![unlock("sam", "JIRA-7")]);
    let args = ["--policy", file.as_str(), "mcp", "--allow-writes"];
    s.args = &args;
    let Some(t) = drive(&sb, &org.url(), s) else {
        return;
    };
    let r = &t["results"][0];
    assert_eq!(kind(r), "policy", "{r}");
    assert_eq!(structured(r)["error"]["exit_code"], 8);
    unchanged.assert();
    let lines = sb.audit_lines();
    assert_eq!(lines[1]["outcome"], "refused");
    assert_eq!(lines[1]["policy"]["rule"], "ticket.pattern");
    assert_eq!(lines[1]["channel"], "mcp");
    assert_eq!(lines[1]["requester"], "sam");
}
