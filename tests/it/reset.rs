//! reset-password: exact calls, confirmation, dry run, secrets, 403, directory users.

use crate::support::org::Org;
use crate::support::{okta_error, user, Sandbox, TOKEN};
use mockito::{Matcher, Mock};
use serde_json::{json, Value};

const RESET_URL: &str = "https://acme.okta.com/reset_password/drpSECRETott123";
const TEMP: &str = "Tmp-SECRET-pw-42";

fn jane(org: &mut Org, status: &str) -> Mock {
    org.user("jane%40acme.com", user("00u1", "jane@acme.com", status))
}

/// The sessions change `--revoke-sessions` sends after the reset, once.
fn revoked_sessions(org: &mut Org) -> Mock {
    org.mock("DELETE", "/api/v1/users/00u1/sessions")
        .match_query(Matcher::Exact("oauthTokens=true&forgetDevices=true".into()))
        .with_status(204)
        .create()
}

fn audit_text(sb: &Sandbox) -> Option<String> {
    std::fs::read_to_string(sb.path("audit.log")).ok()
}

#[test]
fn reset_password_default_sends_email_true_explicitly() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let post = org.lifecycle(
        "00u1",
        "reset_password",
        Matcher::Exact("sendEmail=true".into()),
        "{}",
    );
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(
        &org.url(),
        &["reset-password", "jane@acme.com", "--yes", "-o", "json"],
    );
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["action"], "email_sent");
    assert_eq!(v["user_id"], "00u1");
    assert!(v.get("reset_url").is_none());
    let audit = audit_text(&sb).unwrap();
    assert_eq!(sb.audit_changes().len(), 1);
    assert!(audit.contains(r#""outcome":"email_sent""#), "{audit}");
    get.assert();
    post.assert();
}

#[test]
fn reset_password_no_email_prints_the_url_once_and_never_logs_it() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let query = Matcher::AllOf(vec![
        Matcher::UrlEncoded("sendEmail".into(), "false".into()),
        Matcher::UrlEncoded("revokeSessions".into(), "true".into()),
    ]);
    let body = json!({"resetPasswordUrl": RESET_URL}).to_string();
    let post = org.lifecycle("00u1", "reset_password", query, &body);
    let sessions = revoked_sessions(&mut org);
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(
        &org.url(),
        &[
            "reset-password",
            "jane@acme.com",
            "--no-email",
            "--revoke-sessions",
            "-y",
            "-v",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stdout.trim(), RESET_URL);
    assert!(!stderr.contains("drpSECRET"), "{stderr}");
    assert!(!stderr.contains(TOKEN), "{stderr}");
    let audit = audit_text(&sb).unwrap();
    // The reset, then the sessions change of --revoke-sessions.
    assert_eq!(sb.audit_changes().len(), 2);
    assert!(audit.contains(r#""outcome":"reset_url""#));
    assert!(
        !audit.contains("drpSECRET")
            && !audit.contains("reset_password/")
            && !audit.contains(TOKEN)
    );
    get.assert();
    post.assert();
    sessions.assert();
}

#[test]
fn reset_password_temp_password_uses_expire_with_temp_password() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let query = Matcher::Exact("revokeSessions=true".into());
    let body = json!({"tempPassword": TEMP}).to_string();
    let post = org.lifecycle("00u1", "expire_password_with_temp_password", query, &body);
    let sessions = revoked_sessions(&mut org);
    let other = org
        .mock("POST", "/api/v1/users/00u1/lifecycle/reset_password")
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(
        &org.url(),
        &[
            "reset-password",
            "jane@acme.com",
            "--temp-password",
            "--revoke-sessions",
            "--yes",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["action"], "temp_password");
    assert_eq!(v["temp_password"], TEMP);
    assert_eq!(stdout.matches(TEMP).count(), 1);
    assert!(!stderr.contains(TEMP));
    let audit = audit_text(&sb).unwrap();
    // The reset, then the sessions change of --revoke-sessions.
    assert_eq!(sb.audit_changes().len(), 2);
    assert!(!audit.contains(TEMP) && !audit.contains(TOKEN), "{audit}");
    get.assert();
    post.assert();
    sessions.assert();
    other.assert();
}

#[test]
fn reset_password_in_a_pipe_without_yes_exits_2_and_sends_nothing() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["reset-password", "jane@acme.com"]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("needs confirmation") && stderr.contains("hint: pass --yes"),
        "{stderr}"
    );
    assert!(audit_text(&sb).is_none_or(|t| t.is_empty()));
    get.assert();
    unchanged.assert();
}

#[test]
fn reset_password_dry_run_prints_the_call_and_sends_nothing() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(
        &org.url(),
        &["reset-password", "jane@acme.com", "--dry-run", "-o", "json"],
    );
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("POST /api/v1/users/00u1/lifecycle/reset_password?sendEmail=true"),
        "{stderr}"
    );
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["action"], "would_email");
    assert!(audit_text(&sb).is_none());
    get.assert();
    unchanged.assert();
}

#[test]
fn reset_password_refuses_deprovisioned_staged_and_federated_users() {
    for (status, provider, says) in [
        ("DEPROVISIONED", "OKTA", "DEPROVISIONED"),
        ("STAGED", "OKTA", "STAGED"),
        ("ACTIVE", "FEDERATION", "identity provider"),
    ] {
        let mut org = Org::new();
        let mut u = user("00u1", "jane@acme.com", status);
        u["credentials"]["provider"]["type"] = json!(provider);
        let get = org.user("jane%40acme.com", u);
        let unchanged = org.no_mutation();
        let sb = Sandbox::new();
        let (out, _, stderr) = sb.run(&org.url(), &["reset-password", "jane@acme.com", "--yes"]);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(says) && stderr.contains("hint: "),
            "{stderr}"
        );
        get.assert();
        unchanged.assert();
    }
}

#[test]
fn reset_password_403_exits_5_naming_the_role() {
    let mut org = Org::new();
    let get = jane(&mut org, "ACTIVE");
    let post = org
        .mock("POST", "/api/v1/users/00u1/lifecycle/reset_password")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_header("x-okta-request-id", "req-403")
        .with_body(okta_error(
            "E0000006",
            "You do not have permission to perform the requested action",
        ))
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["reset-password", "jane@acme.com", "--yes"]);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("Help Desk Admin"), "{stderr}");
    assert!(
        stderr.contains("oktactl check-perms --for passwords"),
        "{stderr}"
    );
    let audit = audit_text(&sb).unwrap();
    assert!(
        audit.contains(r#""outcome":"failed""#) && audit.contains("req-403"),
        "{audit}"
    );
    get.assert();
    post.assert();
}

fn from_ad(mut u: Value) -> Value {
    u["credentials"]["provider"] = json!({"type": "ACTIVE_DIRECTORY", "name": "acme.local"});
    u
}

#[test]
fn reset_password_tries_an_ad_user_and_explains_a_403_in_directory_terms() {
    for code in ["E0000017", "E0000006"] {
        let mut org = Org::new();
        let get = org.user(
            "jane%40acme.com",
            from_ad(user("00u1", "jane@acme.com", "ACTIVE")),
        );
        let post = org
            .mock("POST", "/api/v1/users/00u1/lifecycle/reset_password")
            .match_query(Matcher::Exact("sendEmail=true".into()))
            .with_status(403)
            .with_header("x-okta-request-id", "req-ad")
            .with_body(okta_error(code, "Reset password failed"))
            .create();
        let sb = Sandbox::new();
        let (out, _, stderr) = sb.run(&org.url(), &["reset-password", "jane@acme.com", "--yes"]);
        assert_eq!(out.status.code(), Some(5), "{stderr}");
        assert!(stderr.contains(code), "{stderr}");
        for says in [
            "sourced from Active Directory",
            "Active Directory agent",
            "\"Reset Password\" right",
            "lockoutTime and pwdLastSet",
            "protected groups",
            "check-perms --for passwords",
        ] {
            assert!(stderr.contains(says), "{says}: {stderr}");
        }
        // The directory explanation, not the generic role one, comes first.
        let first_hint = stderr.lines().find(|l| l.starts_with("hint: ")).unwrap();
        assert!(first_hint.contains("Active Directory agent"), "{stderr}");
        let audit = sb.audit_changes();
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0]["outcome"], "failed");
        assert_eq!(audit[0]["request_id"], "req-ad");
        get.assert();
        post.assert();
    }
}

#[test]
fn reset_password_of_an_ad_user_that_okta_accepts_is_email_sent() {
    let mut org = Org::new();
    let get = org.user(
        "jane%40acme.com",
        from_ad(user("00u1", "jane@acme.com", "ACTIVE")),
    );
    let post = org.lifecycle(
        "00u1",
        "reset_password",
        Matcher::Exact("sendEmail=true".into()),
        "{}",
    );
    let sb = Sandbox::new();
    let (out, stdout, stderr) = sb.run(
        &org.url(),
        &["reset-password", "jane@acme.com", "--yes", "-o", "json"],
    );
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        serde_json::from_str::<Value>(&stdout).unwrap()["action"],
        "email_sent"
    );
    assert!(stderr.contains("sourced from Active Directory"), "{stderr}");
    assert_eq!(sb.audit_changes()[0]["outcome"], "email_sent");
    get.assert();
    post.assert();
}

#[test]
fn reset_password_names_the_email_okta_sent_the_link_to() {
    let mut org = Org::new();
    let mut u = user("00u1", "jdoe", "ACTIVE");
    u["profile"]["email"] = json!("jane.doe@mail.acme.com");
    let get = org.user("jdoe", u);
    let post = org.lifecycle(
        "00u1",
        "reset_password",
        Matcher::Exact("sendEmail=true".into()),
        "{}",
    );
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["reset-password", "jdoe", "--yes"]);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "Okta emailed jane.doe@mail.acme.com a password reset link (the email of jdoe)"
        ),
        "{stderr}"
    );
    get.assert();
    post.assert();
}
