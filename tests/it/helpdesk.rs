//! unlock, reset-password, reset-mfa, log: what is sent, what is not, and the audit log.

use crate::support::org::Org;
use crate::support::{json_out, okta_error, text, user, Sandbox, TOKEN};
use mockito::Matcher;
use serde_json::json;

#[test]
fn unlock_locked_out_user_posts_unlock_by_id_and_audits() {
    let mut org = Org::new();
    let get = org.user(
        "jane%40acme.com",
        user("00u1", "jane@acme.com", "LOCKED_OUT"),
    );
    let post = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .env("USER", "alice")
        .args(["unlock", "jane@acme.com", "--ticket", "HD-7", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out).1);
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "unlocked");
    assert_eq!(v["results"][0]["user_id"], "00u1");
    assert_eq!((v["ok"].as_u64(), v["failed"].as_u64()), (Some(1), Some(0)));
    let lines = sb.audit_changes();
    assert_eq!(lines.len(), 1);
    let a = &lines[0];
    // The OS account, not the USER variable anyone can set.
    assert_eq!(a["operator"], whoami::username().unwrap().as_str());
    assert_ne!(a["operator"], "alice");
    assert_eq!(a["command"], "unlock");
    assert_eq!(a["user_id"], "00u1");
    assert_eq!(a["user"], "jane@acme.com");
    assert_eq!(a["outcome"], "unlocked");
    assert_eq!(a["ticket"], "HD-7");
    assert_eq!(a["request_id"], "req-42");
    assert_eq!(a["profile"], "default");
    assert!(a["group"].is_null());
    assert!(a["time"].as_str().unwrap().ends_with('Z'));
    get.assert();
    post.assert();
}

#[test]
fn unlock_active_user_is_not_locked_and_sends_nothing() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["unlock", "00u1"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("not_locked"), "{stdout}");
    assert!(stderr.contains("ACTIVE"), "{stderr}");
    assert!(sb.audit_changes().is_empty());
    get.assert();
    unchanged.assert();
}

#[test]
fn unlock_force_sends_for_active_user() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "ACTIVE"));
    let post = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["unlock", "00u1", "--force", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(json_out(&out)["results"][0]["result"], "unlocked");
    get.assert();
    post.assert();
}

#[test]
fn unlock_answered_e0000032_is_not_locked() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "LOCKED_OUT"));
    let post = org
        .mock("POST", "/api/v1/users/00u1/lifecycle/unlock")
        .with_status(403)
        .with_body(okta_error(
            "E0000032",
            "Unlock is not allowed for this user.",
        ))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["unlock", "00u1", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);
    assert_eq!(json_out(&out)["results"][0]["result"], "not_locked");
    get.assert();
    post.assert();
}

#[test]
fn bulk_unlock_of_50_with_2_unknown_users() {
    let mut org = Org::new();
    let mut mocks = Vec::new();
    let mut csv = String::from("name,Login\n");
    for i in 0..50 {
        let login = format!("u{i}@acme.com");
        csv.push_str(&format!("\"Doe, {i}\",{login}\n"));
        let seg = login.replace('@', "%40");
        if i == 7 || i == 31 {
            mocks.push(org.no_user(&seg));
            mocks.push(org.email_search(&login, json!([])));
            continue;
        }
        let id = format!("00u{i}");
        mocks.push(org.user(&seg, user(&id, &login, "LOCKED_OUT")));
        mocks.push(org.lifecycle(&id, "unlock", Matcher::Missing, ""));
    }
    let file = Sandbox::new();
    std::fs::write(file.path("users.csv"), csv).unwrap();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["unlock", "--from"])
        .arg(file.path("users.csv"))
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out).1);
    let v = json_out(&out);
    assert_eq!(v["ok"], 48);
    assert_eq!(v["failed"], 2);
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 50);
    assert_eq!(results[0]["user"], "u0@acme.com");
    assert_eq!(results[7]["result"], "failed");
    assert!(results[7]["user_id"].is_null());
    assert_eq!(results[31]["result"], "failed");
    assert_eq!(results[49]["result"], "unlocked");
    assert_eq!(sb.audit_changes().len(), 48);
    for m in mocks {
        m.assert();
    }
}

#[test]
fn user_arg_with_slash_query_hash_and_dots_is_encoded() {
    let mut org = Org::new();
    let odd = org.no_user("a%2Fb%3Fc%23d");
    let dots = org.no_user("..%2Fadmin");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["unlock", "a/b?c#d", "../admin", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out).1);
    assert_eq!(json_out(&out)["failed"], 2);
    let out = sb.cmd(&org.url()).args(["unlock", ".."]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out).1);
    odd.assert();
    dots.assert();
    unchanged.assert();
}

#[test]
fn unwritable_audit_log_fails_before_any_change() {
    let mut org = Org::new();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_AUDIT_LOG", sb.dir.path()) // a directory: not writable as a file
        .args(["unlock", "00u1"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("audit log"), "{stderr}");
    unchanged.assert();
}

#[test]
fn unlock_dry_run_sends_nothing_and_writes_no_audit_line() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "LOCKED_OUT"));
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["unlock", "00u1", "--dry-run", "-o", "json"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("POST /api/v1/users/00u1/lifecycle/unlock"),
        "{stderr}"
    );
    assert_eq!(json_out(&out)["results"][0]["result"], "would_unlock");
    assert!(!sb.path("audit.log").exists());
    get.assert();
    unchanged.assert();
}

#[test]
fn unlock_403_exits_5_naming_help_desk_admin() {
    let mut org = Org::new();
    let get = org.user("00u1", user("00u1", "jane@acme.com", "LOCKED_OUT"));
    let post = org
        .mock("POST", "/api/v1/users/00u1/lifecycle/unlock")
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["unlock", "00u1"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("Help Desk Admin"), "{stderr}");
    assert!(stderr.contains("check-perms --for passwords"), "{stderr}");
    assert!(!stderr.contains(TOKEN));
    assert_eq!(sb.audit_changes()[0]["outcome"], "failed");
    get.assert();
    post.assert();
}

#[test]
fn unlock_refuses_directory_users_up_front_and_sends_nothing() {
    for (provider, says) in [
        ("ACTIVE_DIRECTORY", "Unlock-ADAccount"),
        ("LDAP", "LDAP directory"),
    ] {
        let mut org = Org::new();
        let mut u = user("00u1", "jane@acme.com", "LOCKED_OUT");
        u["credentials"]["provider"] = json!({"type": provider, "name": "acme.local"});
        // Once for the single run, once for the bulk one.
        let get = org
            .mock("GET", "/api/v1/users/00u1")
            .with_body(u.to_string())
            .expect(2)
            .create();
        let unchanged = org.no_mutation();
        let sb = Sandbox::new();
        // --force is about the status, not the source: still refused.
        let out = sb
            .cmd(&org.url())
            .args(["unlock", "00u1", "--force"])
            .output()
            .unwrap();
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("Okta's unlock applies only to users sourced in Okta")
                && stderr.contains("nothing was sent")
                && stderr.contains(says),
            "{stderr}"
        );
        let out = sb
            .cmd(&org.url())
            .args(["unlock", "00u1", "-o", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", text(&out).1);
        let v = json_out(&out);
        assert_eq!(v["results"][0]["result"], "refused");
        assert!(v["results"][0]["error"]
            .as_str()
            .unwrap()
            .contains("does not apply to users sourced from"));
        assert_eq!(v["failed"], 1);
        assert!(sb.audit_lines().is_empty());
        get.assert();
        unchanged.assert();
    }
}
