//! Containment: sessions clear, suspend and unsuspend, reset-password
//! --expire, the sessions follow-up of resets, and Temporary Access Codes.
//! Each mutating test checks what was and was not sent, and the audit lines.

use crate::support::org::Org;
use crate::support::{json_out, okta_error, text, user, Sandbox, TOKEN};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

const TAC: &str = "n@C*bU26-SECRET";

fn jane(org: &mut Org, status: &str) -> Mock {
    org.user("jane%40acme.com", user("00u1", "jane@acme.com", status))
}

/// `DELETE /api/v1/users/{id}/sessions?oauthTokens=O&forgetDevices=F`
/// (exactly these parameters), answered 204, once.
fn sessions(org: &mut Org, id: &str, oauth: &str, forget: &str) -> Mock {
    org.mock("DELETE", format!("/api/v1/users/{id}/sessions").as_str())
        .match_query(Matcher::Exact(format!(
            "oauthTokens={oauth}&forgetDevices={forget}"
        )))
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .with_status(204)
        .with_header("x-okta-request-id", "req-s")
        .create()
}

/// No sessions DELETE for `id` at all.
fn no_sessions(org: &mut Org, id: &str) -> Mock {
    org.mock("DELETE", format!("/api/v1/users/{id}/sessions").as_str())
        .match_query(Matcher::Any)
        .expect(0)
        .create()
}

fn run(org: &Org, sb: &Sandbox, args: &[&str]) -> (std::process::Output, String, String) {
    sb.run(&org.url(), args)
}

/// (outcome, call) of each change in the audit log.
fn changes(sb: &Sandbox) -> Vec<(String, String)> {
    sb.audit_changes()
        .iter()
        .map(|c| {
            (
                c["outcome"].as_str().unwrap_or("").to_string(),
                c["call"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn sessions_clear_sends_both_parameters_true_by_default() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let del = sessions(&mut org, "00u1", "true", "true");
    let sb = Sandbox::new();
    let (out, _, stderr) = run(
        &org,
        &sb,
        &["sessions", "clear", "jane@acme.com", "--yes", "-o", "json"],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "sessions_cleared");
    assert_eq!(v["results"][0]["request_id"], "req-s");
    assert_eq!(
        changes(&sb),
        [(
            "sessions_cleared".to_string(),
            "DELETE /api/v1/users/00u1/sessions?oauthTokens=true&forgetDevices=true".to_string()
        )]
    );
    assert_eq!(sb.audit_changes()[0]["command"], "sessions clear");
    get.assert();
    del.assert();
}

#[test]
fn sessions_clear_keeps_tokens_and_devices_only_when_told_sending_false() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let del = sessions(&mut org, "00u1", "false", "false");
    let sb = Sandbox::new();
    let (out, _, stderr) = run(
        &org,
        &sb,
        &[
            "sessions",
            "clear",
            "jane@acme.com",
            "--keep-oauth-tokens",
            "--keep-devices",
            "--yes",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("ended the Okta sessions of jane@acme.com"),
        "{stderr}"
    );
    assert!(!stderr.contains("also gone"), "{stderr}");
    assert_eq!(changes(&sb).len(), 1);
    get.assert();
    del.assert();
}

#[test]
fn sessions_clear_in_bulk_one_change_per_user_and_a_failure_counted() {
    let mut org = Org::new();
    let mut mocks = vec![
        org.user("00u1", user("00u1", "a@acme.com", "ACTIVE")),
        org.user("00u2", user("00u2", "b@acme.com", "ACTIVE")),
        org.user("00u3", user("00u3", "c@acme.com", "ACTIVE")),
        sessions(&mut org, "00u1", "true", "false"),
        sessions(&mut org, "00u3", "true", "false"),
    ];
    mocks.push(
        org.mock("DELETE", "/api/v1/users/00u2/sessions")
            .match_query(Matcher::Any)
            .with_status(403)
            .with_body(okta_error("E0000006", "You do not have permission"))
            .create(),
    );
    let sb = Sandbox::new();
    let (out, _, stderr) = run(
        &org,
        &sb,
        &[
            "sessions",
            "clear",
            "00u1",
            "00u2",
            "00u3",
            "--keep-devices",
            "--yes",
            "--no-preflight",
            "-o",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let v = json_out(&out);
    assert_eq!((v["ok"].as_u64(), v["failed"].as_u64()), (Some(2), Some(1)));
    assert_eq!(v["results"][1]["result"], "failed");
    let why = v["results"][1]["error"].as_str().unwrap_or("");
    assert!(
        why.contains("Help Desk Admin") && why.contains("--for containment"),
        "{why}"
    );
    // Workers finish in any order: the audit lines, by user.
    let mut by_user: Vec<(String, String)> = sb
        .audit_changes()
        .iter()
        .map(|c| {
            (
                c["user_id"].as_str().unwrap_or("").to_string(),
                c["outcome"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    by_user.sort();
    let want = [
        ("00u1", "sessions_cleared"),
        ("00u2", "failed"),
        ("00u3", "sessions_cleared"),
    ];
    assert_eq!(by_user, want.map(|(u, o)| (u.to_string(), o.to_string())));
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn sessions_clear_needs_yes_in_a_pipe_and_sends_nothing() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = run(&org, &sb, &["sessions", "clear", "jane@acme.com"]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("needs confirmation"), "{stderr}");
    assert!(stderr.contains("--yes"), "{stderr}");
    assert!(sb.audit_lines().is_empty());
    get.assert();
    unchanged.assert();
}

#[test]
fn suspend_sends_the_lifecycle_post_and_unsuspend_needs_no_confirmation() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let post = org.lifecycle("00u1", "suspend", Matcher::Missing, "");
    let sb = Sandbox::new();
    let (out, _, stderr) = run(&org, &sb, &["suspend", "jane@acme.com", "--yes"]);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("suspended jane@acme.com"), "{stderr}");
    get.assert();
    post.assert();

    let get = jane(&mut org, "SUSPENDED");
    let post = org.lifecycle("00u1", "unsuspend", Matcher::Missing, "");
    // No --yes and no terminal: unsuspend gives access back and does not ask.
    let (out, _, stderr) = run(&org, &sb, &["unsuspend", "jane@acme.com", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(json_out(&out)["results"][0]["result"], "unsuspended");
    assert_eq!(
        changes(&sb),
        [
            (
                "suspended".to_string(),
                "POST /api/v1/users/00u1/lifecycle/suspend".to_string()
            ),
            (
                "unsuspended".to_string(),
                "POST /api/v1/users/00u1/lifecycle/unsuspend".to_string()
            )
        ]
    );
    get.assert();
    post.assert();
}

#[test]
fn suspend_asks_and_refuses_in_a_pipe_without_yes() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = run(&org, &sb, &["suspend", "jane@acme.com"]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(sb.audit_lines().is_empty());
    get.assert();
    unchanged.assert();
}

#[test]
fn suspend_and_unsuspend_no_ops_send_nothing_and_succeed() {
    let mut org = Org::new();
    let mocks = [
        org.user("00u1", user("00u1", "a@acme.com", "SUSPENDED")),
        org.user("00u2", user("00u2", "b@acme.com", "LOCKED_OUT")),
        org.user("00u3", user("00u3", "c@acme.com", "ACTIVE")),
    ];
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = run(
        &org,
        &sb,
        &[
            "suspend",
            "00u1",
            "00u2",
            "--yes",
            "-o",
            "json",
            "--no-preflight",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["ok"], 2);
    assert_eq!(v["results"][0]["result"], "not_active");
    assert_eq!(v["results"][1]["result"], "not_active");
    // A locked-out user is not contained by a no-op: the row says so.
    let detail = v["results"][1]["detail"].as_str().unwrap_or("");
    assert!(detail.contains("LOCKED_OUT"), "{v}");

    let (out, _, stderr) = run(&org, &sb, &["unsuspend", "00u3"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("nothing to unsuspend"), "{stderr}");
    assert!(sb.audit_lines().is_empty());
    mocks.iter().for_each(Mock::assert);
    unchanged.assert();
}

#[test]
fn suspend_refused_by_okta_names_group_admin() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let post = org
        .mock("POST", "/api/v1/users/00u1/lifecycle/suspend")
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = run(&org, &sb, &["suspend", "jane@acme.com", "--yes"]);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("Group Admin (USER_ADMIN)"), "{stderr}");
    assert!(stderr.contains("check-perms --for containment"), "{stderr}");
    assert_eq!(changes(&sb)[0].0, "failed");
    get.assert();
    post.assert();
}

#[test]
fn reset_password_expire_sends_expire_password_only_in_bulk_too() {
    let mut org = Org::new();
    let mut mocks = Vec::new();
    for (id, login) in [("00u1", "a@acme.com"), ("00u2", "b@acme.com")] {
        mocks.push(org.user(id, user(id, login, "ACTIVE")));
        let back = user(id, login, "PASSWORD_EXPIRED").to_string();
        mocks.push(org.lifecycle(id, "expire_password", Matcher::Missing, &back));
    }
    let others = org
        .mock(
            "POST",
            Matcher::Regex("reset_password|temp_password".into()),
        )
        .expect(0)
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = run(
        &org,
        &sb,
        &[
            "reset-password",
            "00u1",
            "00u2",
            "--expire",
            "--yes",
            "-o",
            "json",
            "--no-preflight",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "expired");
    assert_eq!(v["results"][1]["result"], "expired");
    let outcomes: Vec<String> = changes(&sb).into_iter().map(|c| c.0).collect();
    assert_eq!(outcomes, ["expired", "expired"]);
    mocks.iter().for_each(Mock::assert);
    others.assert();

    // One user: says what happens next.
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let back = user("00u1", "jane@acme.com", "PASSWORD_EXPIRED").to_string();
    let post = org.lifecycle("00u1", "expire_password", Matcher::Missing, &back);
    let (out, stdout, stderr) = run(
        &org,
        &sb,
        &["reset-password", "jane@acme.com", "--expire", "-y"],
    );
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("choose a new one at their next sign-in"),
        "{stderr}"
    );
    get.assert();
    post.assert();
}

#[test]
fn reset_password_expire_conflicts_with_the_secret_modes() {
    let mut org = Org::new();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    for other in ["--no-email", "--temp-password"] {
        let (out, _, stderr) = run(
            &org,
            &sb,
            &["reset-password", "j@acme.com", "--expire", other],
        );
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("cannot be used with"), "{stderr}");
    }
    unchanged.assert();
}

#[test]
fn reset_password_revoke_sessions_keeps_revoke_sessions_and_clears_them_after() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let query = Matcher::AllOf(vec![
        Matcher::UrlEncoded("sendEmail".into(), "true".into()),
        Matcher::UrlEncoded("revokeSessions".into(), "true".into()),
    ]);
    let post = org.lifecycle("00u1", "reset_password", query, "{}");
    let del = sessions(&mut org, "00u1", "true", "true");
    let sb = Sandbox::new();
    let (out, _, stderr) = run(
        &org,
        &sb,
        &[
            "reset-password",
            "jane@acme.com",
            "--revoke-sessions",
            "--yes",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["action"], "email_sent");
    assert_eq!(v["sessions"]["result"], "sessions_cleared");
    let audit = changes(&sb);
    assert_eq!(audit.len(), 2, "{audit:?}");
    assert_eq!(audit[0].0, "email_sent");
    assert_eq!(
        audit[1],
        (
            "sessions_cleared".to_string(),
            "DELETE /api/v1/users/00u1/sessions?oauthTokens=true&forgetDevices=true".to_string()
        )
    );
    assert_ne!(
        sb.audit_changes()[0]["change_id"],
        sb.audit_changes()[1]["change_id"]
    );
    get.assert();
    post.assert();
    del.assert();
}

#[test]
fn a_failed_reset_sends_no_sessions_change() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let post = org
        .mock("POST", "/api/v1/users/00u1/lifecycle/reset_password")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let none = no_sessions(&mut org, "00u1");
    let sb = Sandbox::new();
    let (out, _, stderr) = run(
        &org,
        &sb,
        &[
            "reset-password",
            "jane@acme.com",
            "--revoke-sessions",
            "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert_eq!(changes(&sb).len(), 1);
    get.assert();
    post.assert();
    none.assert();
}

#[test]
fn reset_mfa_clear_sessions_follows_the_reset_in_bulk_rows() {
    let mut org = Org::new();
    let mut mocks = Vec::new();
    for id in ["00u1", "00u2"] {
        mocks.push(org.user(id, user(id, &format!("{id}@acme.com"), "ACTIVE")));
    }
    let path = |id: &str| format!("/api/v1/users/{id}/authenticator-enrollments");
    let sms = json!({"id": "sms1", "type": "phone", "key": "phone_number", "name": "Phone", "status": "ACTIVE"});
    // 00u1 has a factor (listed before and, empty, after); 00u2 has none.
    mocks.push(
        org.mock("GET", path("00u1").as_str())
            .with_body(json!([sms]).to_string())
            .create(),
    );
    mocks.push(org.lifecycle("00u1", "reset_factors", Matcher::Missing, ""));
    mocks.push(
        org.mock("GET", path("00u1").as_str())
            .with_body("[]")
            .create(),
    );
    mocks.push(
        org.mock("GET", path("00u2").as_str())
            .with_body("[]")
            .create(),
    );
    mocks.push(sessions(&mut org, "00u1", "true", "true"));
    let none = no_sessions(&mut org, "00u2");
    let sb = Sandbox::new();
    let (out, _, stderr) = run(
        &org,
        &sb,
        &[
            "reset-mfa",
            "00u1",
            "00u2",
            "--clear-sessions",
            "--yes",
            "-o",
            "json",
            "--no-preflight",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    let rows: Vec<(u64, &str)> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), r["result"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [(1, "reset"), (1, "sessions_cleared"), (2, "no_factors")]
    );
    let outcomes: Vec<String> = changes(&sb).into_iter().map(|c| c.0).collect();
    assert_eq!(outcomes, ["reset", "sessions_cleared"]);
    mocks.iter().for_each(Mock::assert);
    none.assert();
}

#[test]
fn reset_mfa_clear_sessions_dry_run_shows_both_calls_and_sends_nothing() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let list = org
        .mock("GET", "/api/v1/users/00u1/authenticator-enrollments")
        .with_body(
            json!([{"id": "sms1", "type": "phone", "key": "phone_number", "status": "ACTIVE"}])
                .to_string(),
        )
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, stdout, stderr) = run(
        &org,
        &sb,
        &[
            "reset-mfa",
            "jane@acme.com",
            "--clear-sessions",
            "--dry-run",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["result"], "would_reset");
    assert_eq!(v["sessions"]["result"], "would_clear_sessions");
    assert!(stderr.contains("would send POST /api/v1/users/00u1/lifecycle/reset_factors"));
    assert!(stderr.contains(
        "would send DELETE /api/v1/users/00u1/sessions?oauthTokens=true&forgetDevices=true"
    ));
    assert!(sb.audit_lines().is_empty());
    get.assert();
    list.assert();
    unchanged.assert();
}

fn tac_authenticator(org: &mut Org) -> Mock {
    org.get(
        "/api/v1/authenticators",
        json!([
            {"id": "autOV", "key": "okta_verify", "status": "ACTIVE", "name": "Okta Verify"},
            {"id": "autTAC", "key": "tac", "status": "ACTIVE", "name": "Temporary Access Code"}
        ]),
    )
}

fn tac_post(org: &mut Org, body: Value) -> Mock {
    org.mock("POST", "/api/v1/users/00u1/authenticator-enrollments/tac")
        .match_header("content-type", "application/json")
        .match_body(Matcher::Json(body))
        .with_header("x-okta-request-id", "req-t")
        .with_body(
            json!({"type": "tac", "id": "tac8evhw", "key": "tac", "status": "ACTIVE",
                   "name": "Temporary Access Code",
                   "profile": {"tac": TAC, "multiUse": true, "expiresAt": "2026-11-29T19:21:14"}})
            .to_string(),
        )
        .create()
}

/// Every file under `dir` whose bytes contain `needle`.
fn files_holding(dir: &std::path::Path, needle: &str) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut seen = 0;
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                seen += 1;
                let bytes = std::fs::read(&p).unwrap_or_default();
                if String::from_utf8_lossy(&bytes).contains(needle) {
                    hits.push(p.display().to_string());
                }
            }
        }
    }
    assert!(seen > 0, "no file at all under {}", dir.display());
    hits
}

#[test]
fn tac_is_printed_once_and_in_no_file_or_log() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let auths = tac_authenticator(&mut org);
    let post = tac_post(
        &mut org,
        json!({"authenticatorId": "autTAC", "profile": {"ttl": "240", "multiUse": true}}),
    );
    let sb = Sandbox::new();
    let (out, stdout, stderr) = run(
        &org,
        &sb,
        &[
            "tac",
            "jane@acme.com",
            "--ttl",
            "4h",
            "--multi-use",
            "--yes",
            "-v",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout, format!("{TAC}\n"));
    assert!(!stderr.contains(TAC), "{stderr}");
    assert!(stderr.contains("shown once"), "{stderr}");
    let audit = changes(&sb);
    assert_eq!(
        audit,
        [(
            "tac_issued".to_string(),
            "POST /api/v1/users/00u1/authenticator-enrollments/tac".to_string()
        )]
    );
    assert!(files_holding(sb.dir.path(), TAC).is_empty());
    assert!(files_holding(sb.dir.path(), "tac_issued").len() == 1);
    get.assert();
    auths.assert();
    post.assert();

    // JSON: once, in the document.
    let get = jane(&mut org, "ACTIVE");
    let post = tac_post(
        &mut org,
        json!({"authenticatorId": "autX", "profile": {"ttl": "60", "multiUse": false}}),
    );
    let (out, stdout, stderr) = run(
        &org,
        &sb,
        &[
            "tac",
            "jane@acme.com",
            "--authenticator-id",
            "autX",
            "--yes",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["result"], "tac_issued");
    assert_eq!(v["tac"], TAC);
    assert_eq!(v["enrollment_id"], "tac8evhw");
    assert_eq!(stdout.matches(TAC).count(), 1);
    assert!(files_holding(sb.dir.path(), TAC).is_empty());
    get.assert();
    post.assert();
}

#[test]
fn tac_to_a_pipe_needs_yes_and_sends_nothing() {
    let mut org = Org::new();
    let any_get = org
        .mock("GET", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, stdout, stderr) = run(&org, &sb, &["tac", "jane@acme.com"]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("not a terminal") && stderr.contains("--yes"),
        "{stderr}"
    );
    assert!(sb.audit_lines().is_empty());
    any_get.assert();
    unchanged.assert();
}

#[test]
fn tac_dry_run_prints_no_code_and_sends_nothing() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let auths = tac_authenticator(&mut org);
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, stdout, stderr) = run(
        &org,
        &sb,
        &["tac", "jane@acme.com", "--dry-run", "-o", "json"],
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(json_out(&out)["results"][0]["result"], "would_issue_tac");
    assert!(!stdout.contains(TAC));
    assert!(stderr.contains("valid 1h, single use"), "{stderr}");
    get.assert();
    auths.assert();
    unchanged.assert();
}

#[test]
fn an_org_without_tac_is_told_in_one_line() {
    // The authenticators list: 401 E0000015 "feature not enabled" → exit 1.
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let auths = org
        .mock("GET", "/api/v1/authenticators")
        .with_status(401)
        .with_header("x-okta-request-id", "req-f")
        .with_body(okta_error(
            "E0000015",
            "You do not have permission to access the feature you are requesting",
        ))
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = run(&org, &sb, &["tac", "jane@acme.com", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not enabled in this org"), "{stderr}");
    assert!(sb.audit_lines().is_empty());
    get.assert();
    auths.assert();
    unchanged.assert();

    // The TAC call itself: 404 → exit 3, one line, and its audit line.
    let get = jane(&mut org, "ACTIVE");
    let post = org
        .mock("POST", "/api/v1/users/00u1/authenticator-enrollments/tac")
        .with_status(404)
        .with_body(okta_error("E0000007", "Not found: Resource not found"))
        .create();
    let (out, stdout, stderr) = run(
        &org,
        &sb,
        &[
            "tac",
            "jane@acme.com",
            "--authenticator-id",
            "autX",
            "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("does not offer Temporary Access Codes"),
        "{stderr}"
    );
    assert_eq!(changes(&sb)[0].0, "failed");
    get.assert();
    post.assert();

    // No TAC authenticator in the list: exit 1, nothing sent.
    let get = jane(&mut org, "ACTIVE");
    let auths = org.get(
        "/api/v1/authenticators",
        json!([{"id": "a", "key": "okta_verify", "status": "ACTIVE"}]),
    );
    let (out, _, stderr) = run(&org, &Sandbox::new(), &["tac", "jane@acme.com", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no Temporary Access Code authenticator"),
        "{stderr}"
    );
    get.assert();
    auths.assert();
}

#[test]
fn tac_for_an_unknown_user_is_not_found_not_a_missing_feature() {
    let mut org = Org::new();
    let missing = org
        .mock("GET", "/api/v1/users/nobody")
        .with_status(404)
        .with_body(okta_error(
            "E0000007",
            "Not found: Resource not found: nobody (User)",
        ))
        .expect(2)
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    for args in [
        &["tac", "nobody", "--yes"][..],
        &["tac", "revoke", "nobody", "--yes"],
    ] {
        let (out, _, stderr) = run(&org, &sb, args);
        assert_eq!(out.status.code(), Some(3), "{stderr}");
        assert!(!stderr.contains("Temporary Access Codes"), "{stderr}");
    }
    missing.assert();
    unchanged.assert();
}

#[test]
fn tac_revoke_deletes_the_tac_enrolment_and_no_tac_sends_nothing() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let list = org
        .mock("GET", "/api/v1/users/00u1/authenticator-enrollments")
        .with_body(
            json!([
                {"id": "pwd1", "type": "password", "key": "okta_password", "status": "ACTIVE"},
                {"id": "tac8evhw", "type": "tac", "key": "tac", "status": "ACTIVE", "name": "Temporary Access Code"}
            ])
            .to_string(),
        )
        .create();
    let del = org
        .mock(
            "DELETE",
            "/api/v1/users/00u1/authenticator-enrollments/tac8evhw",
        )
        .with_status(204)
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = run(&org, &sb, &["tac", "revoke", "jane@acme.com", "--yes"]);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("revoked the Temporary Access Code"),
        "{stderr}"
    );
    assert_eq!(
        changes(&sb),
        [(
            "tac_revoked".to_string(),
            "DELETE /api/v1/users/00u1/authenticator-enrollments/tac8evhw".to_string()
        )]
    );
    assert_eq!(sb.audit_changes()[0]["command"], "tac revoke");
    get.assert();
    list.assert();
    del.assert();

    // Nothing to revoke: no_tac, exit 0, nothing sent, no confirmation needed.
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let list = org
        .mock("GET", "/api/v1/users/00u1/authenticator-enrollments")
        .with_body(json!([{"id": "pwd1", "type": "password", "key": "okta_password"}]).to_string())
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = run(&org, &sb, &["tac", "revoke", "jane@acme.com", "-o", "json"]);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(json_out(&out)["results"][0]["result"], "no_tac");
    assert!(sb.audit_lines().is_empty());
    get.assert();
    list.assert();
    unchanged.assert();
}

#[test]
fn tac_revoke_asks_in_a_pipe_without_yes() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let list = org
        .mock("GET", "/api/v1/users/00u1/authenticator-enrollments")
        .with_body(json!([{"id": "tac1", "type": "tac", "key": "tac"}]).to_string())
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["tac", "revoke", "jane@acme.com"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out).1);
    get.assert();
    list.assert();
    unchanged.assert();
}

#[test]
fn check_perms_for_containment_needs_group_admin_to_suspend_and_a_custom_role_for_tac() {
    let mut org = Org::new();
    let me = "00uHD";
    let role = |id: &str, kind: &str| {
        json!({"id": id, "type": kind, "label": kind, "status": "ACTIVE", "assignmentType": "USER",
               "_links": {"assignee": {"href": format!("https://x.okta.com/api/v1/users/{me}")}}})
    };
    let token = crate::check_perms::healthy_token(me);
    let mocks = [
        org.get("/api/v1/users/me", user(me, "hd@acme.com", "ACTIVE")),
        org.get(
            &format!("/api/v1/users/{me}/roles"),
            json!([role("HD1", "HELP_DESK_ADMIN")]),
        ),
        org.get(
            &format!("/api/v1/users/{me}/roles/HD1/targets/groups"),
            json!([]),
        ),
        org.get("/api/v1/api-tokens", json!([token])),
    ];
    let sb = Sandbox::new();
    let (out, stdout, stderr) = run(
        &org,
        &sb,
        &["check-perms", "--for", "containment", "-o", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["for"], "containment");
    assert_eq!(v["required"], json!(["sessions_clear", "suspend", "tac"]));
    assert_eq!(v["missing"], json!(["suspend", "tac"]));
    let fix = |key: &str| {
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["right"] == key)
            .and_then(|c| c["fix"].as_str())
            .unwrap_or("")
            .to_string()
    };
    assert!(fix("suspend").contains("USER_ADMIN"), "{v}");
    assert!(
        fix("tac").contains("okta.users.credentials.manageTemporaryAccessCode"),
        "{v}"
    );
    mocks.iter().for_each(Mock::assert);
}
