//! unlock, reset-password, reset-mfa, log: what is sent, what is not, and the audit log.

use crate::support::{no_mutation, okta_error, text, user, Sandbox, TOKEN};
use mockito::{Matcher, Mock, Server};
use serde_json::Value;

fn get_user(server: &mut Server, path_seg: &str, id: &str, login: &str, status: &str) -> Mock {
    server
        .mock("GET", format!("/api/v1/users/{path_seg}").as_str())
        .with_body(user(id, login, status).to_string())
        .create()
}

/// A lifecycle POST that must arrive with an empty body and `Content-Length: 0`.
fn lifecycle(server: &mut Server, id: &str, op: &str, query: Matcher, body: &str) -> Mock {
    server
        .mock(
            "POST",
            format!("/api/v1/users/{id}/lifecycle/{op}").as_str(),
        )
        .match_query(query)
        .match_header("content-length", "0")
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .with_header("x-okta-request-id", "req-42")
        .with_body(body)
        .create()
}

fn audit_lines(sb: &Sandbox) -> Vec<Value> {
    std::fs::read_to_string(sb.path("audit.log"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn json_out(out: &std::process::Output) -> Value {
    let (stdout, stderr) = text(out);
    assert!(out.status.code().is_some(), "{stderr}");
    serde_json::from_str(&stdout).expect(&stdout)
}

#[test]
fn unlock_locked_out_user_posts_unlock_by_id_and_audits() {
    let mut server = Server::new();
    let get = get_user(
        &mut server,
        "jane%40acme.com",
        "00u1",
        "jane@acme.com",
        "LOCKED_OUT",
    );
    let post = lifecycle(&mut server, "00u1", "unlock", Matcher::Missing, "");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .env("USER", "alice")
        .args(["unlock", "jane@acme.com", "--ticket", "HD-7", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out).1);
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "unlocked");
    assert_eq!(v["results"][0]["user_id"], "00u1");
    assert_eq!((v["ok"].as_u64(), v["failed"].as_u64()), (Some(1), Some(0)));
    let lines = audit_lines(&sb);
    assert_eq!(lines.len(), 1);
    let a = &lines[0];
    // The OS account, not the USER variable anyone can set.
    assert_eq!(a["operator"], whoami::username().unwrap().as_str());
    assert_ne!(a["operator"], "alice");
    assert_eq!(a["command"], "unlock");
    assert_eq!(a["user_id"], "00u1");
    assert_eq!(a["user"], "jane@acme.com");
    assert_eq!(a["result"], "unlocked");
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
    let mut server = Server::new();
    let get = get_user(&mut server, "00u1", "00u1", "jane@acme.com", "ACTIVE");
    let (post, delete) = no_mutation(&mut server);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .args(["unlock", "00u1"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("not_locked"), "{stdout}");
    assert!(stderr.contains("ACTIVE"), "{stderr}");
    assert!(audit_lines(&sb).is_empty());
    get.assert();
    post.assert();
    delete.assert();
}

#[test]
fn unlock_force_sends_for_active_user() {
    let mut server = Server::new();
    let get = get_user(&mut server, "00u1", "00u1", "jane@acme.com", "ACTIVE");
    let post = lifecycle(&mut server, "00u1", "unlock", Matcher::Missing, "");
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
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
    let mut server = Server::new();
    let get = get_user(&mut server, "00u1", "00u1", "jane@acme.com", "LOCKED_OUT");
    let post = server
        .mock("POST", "/api/v1/users/00u1/lifecycle/unlock")
        .with_status(403)
        .with_body(okta_error(
            "E0000032",
            "Unlock is not allowed for this user.",
        ))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
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
    let mut server = Server::new();
    let mut mocks = Vec::new();
    let mut csv = String::from("name,Login\n");
    for i in 0..50 {
        let login = format!("u{i}@acme.com");
        csv.push_str(&format!("\"Doe, {i}\",{login}\n"));
        let seg = login.replace('@', "%40");
        if i == 7 || i == 31 {
            mocks.push(
                server
                    .mock("GET", format!("/api/v1/users/{seg}").as_str())
                    .with_status(404)
                    .with_body(okta_error("E0000007", "Not found"))
                    .create(),
            );
            mocks.push(
                server
                    .mock("GET", "/api/v1/users")
                    .match_query(Matcher::UrlEncoded(
                        "search".into(),
                        format!("profile.email eq \"{login}\""),
                    ))
                    .with_body("[]")
                    .create(),
            );
            continue;
        }
        let id = format!("00u{i}");
        mocks.push(get_user(&mut server, &seg, &id, &login, "LOCKED_OUT"));
        mocks.push(lifecycle(&mut server, &id, "unlock", Matcher::Missing, ""));
    }
    let file = Sandbox::new();
    std::fs::write(file.path("users.csv"), csv).unwrap();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
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
    assert_eq!(audit_lines(&sb).len(), 48);
    for m in mocks {
        m.assert();
    }
}

#[test]
fn user_arg_with_slash_query_hash_and_dots_is_encoded() {
    let mut server = Server::new();
    let odd = server
        .mock("GET", "/api/v1/users/a%2Fb%3Fc%23d")
        .with_status(404)
        .with_body(okta_error("E0000007", "Not found"))
        .create();
    let dots = server
        .mock("GET", "/api/v1/users/..%2Fadmin")
        .with_status(404)
        .with_body(okta_error("E0000007", "Not found"))
        .create();
    let (post, delete) = no_mutation(&mut server);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .args(["unlock", "a/b?c#d", "../admin", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out).1);
    assert_eq!(json_out(&out)["failed"], 2);
    let out = sb
        .cmd(&server.url())
        .args(["unlock", ".."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out).1);
    odd.assert();
    dots.assert();
    post.assert();
    delete.assert();
}

#[test]
fn unwritable_audit_log_fails_before_any_change() {
    let mut server = Server::new();
    let (post, delete) = no_mutation(&mut server);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .env("OKTACTL_AUDIT_LOG", sb.dir.path()) // a directory: not writable as a file
        .args(["unlock", "00u1"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("audit log"), "{stderr}");
    post.assert();
    delete.assert();
}

#[test]
fn unlock_dry_run_sends_nothing_and_writes_no_audit_line() {
    let mut server = Server::new();
    let get = get_user(&mut server, "00u1", "00u1", "jane@acme.com", "LOCKED_OUT");
    let (post, delete) = no_mutation(&mut server);
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
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
    post.assert();
    delete.assert();
}

#[test]
fn unlock_403_exits_5_naming_help_desk_admin() {
    let mut server = Server::new();
    let get = get_user(&mut server, "00u1", "00u1", "jane@acme.com", "LOCKED_OUT");
    let post = server
        .mock("POST", "/api/v1/users/00u1/lifecycle/unlock")
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&server.url())
        .args(["unlock", "00u1"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("Help Desk Admin"), "{stderr}");
    assert!(stderr.contains("check-perms --for passwords"), "{stderr}");
    assert!(!stderr.contains(TOKEN));
    assert_eq!(audit_lines(&sb)[0]["result"], "failed");
    get.assert();
    post.assert();
}
