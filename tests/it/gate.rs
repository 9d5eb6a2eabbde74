//! The change gate: truthful dry runs, `--max-errors` and `skipped` rows,
//! duplicates, `me`, answers lost after sending, an audit log that cannot
//! be written, and hostile names on the terminal.

use std::time::Duration;

use mockito::Matcher;
use serde_json::json;

use crate::support::org::Org;
use crate::support::{group, json_out, text, user, Sandbox};

const GID: &str = "00gfigma000000000001";

#[test]
fn dry_run_under_a_scoped_group_admin_reports_would_fail() {
    let mut org = Org::new();
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = org.get(&format!("/api/v1/groups/{GID}/apps"), json!([]));
    let u2 = org.get("/api/v1/users/00u2", user("00u2", "bob@acme.com", "ACTIVE"));
    let u3 = org.get("/api/v1/users/00u3", user("00u3", "amy@acme.com", "ACTIVE"));
    // Membership, then (for the scoped role) whether the user is in one of its groups.
    let g2 = org.get_n("/api/v1/users/00u2/groups", json!([]), 2);
    let eng = group("00gengineering000001", "Engineering", "OKTA_GROUP");
    let g3 = org.get_n("/api/v1/users/00u3/groups", json!([eng]), 2);
    let group_roles = org.get(&format!("/api/v1/groups/{GID}/roles"), json!([]));
    let me = org.get(
        "/api/v1/users/me",
        user("00uadmin", "bot@acme.com", "ACTIVE"),
    );
    let roles = org.get(
        "/api/v1/users/00uadmin/roles",
        json!([{"id": "ra1", "type": "USER_ADMIN", "assignmentType": "USER"}]),
    );
    let targets = org.get(
        "/api/v1/users/00uadmin/roles/ra1/targets/groups",
        json!([group(GID, "Figma Users", "OKTA_GROUP"), eng]),
    );
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(
        &org.url(),
        &[
            "grant",
            "00u2",
            "00u3",
            "--group",
            GID,
            "--dry-run",
            "-o",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let v = json_out(&out);
    let r = &v["results"];
    assert_eq!(
        (&r[0]["result"], &r[1]["result"]),
        (&json!("would_fail"), &json!("would_add"))
    );
    let why = r[0]["error"].as_str().unwrap();
    assert!(
        why.contains("can add only users already in one of its groups"),
        "{why}"
    );
    assert_eq!(
        r[0]["request"],
        format!("PUT /api/v1/groups/{GID}/users/00u2")
    );
    assert_eq!((v["ok"].as_u64(), v["failed"].as_u64()), (Some(1), Some(1)));
    assert!(stderr.contains("dry run: would send PUT"), "{stderr}");
    assert!(sb.audit_lines().is_empty());
    for m in [g, apps, u2, u3, g2, g3, group_roles, me, roles, targets] {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn unlock_from_a_file_with_max_errors_2_skips_the_rest() {
    let mut org = Org::new();
    let missing: Vec<_> = ["ghost1@acme.com", "ghost2@acme.com"]
        .iter()
        .map(|l| {
            let at = l.replace('@', "%40");
            (org.no_user(&at), org.email_search(l, json!([])))
        })
        .collect();
    let never = org
        .mock("GET", Matcher::Regex("^/api/v1/users/u".into()))
        .expect(0)
        .create();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    std::fs::write(
        sb.path("locked.txt"),
        "ghost1@acme.com\nghost2@acme.com\nu3@acme.com\nu4@acme.com\nu5@acme.com\n",
    )
    .unwrap();
    let file = sb.path("locked.txt");
    let (out, _, stderr) = sb.run(
        &org.url(),
        &[
            "unlock",
            "--from",
            file.to_str().unwrap(),
            "--max-errors",
            "2",
            "--concurrency",
            "1",
            "-o",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let v = json_out(&out);
    assert_eq!(
        (
            v["ok"].as_u64(),
            v["failed"].as_u64(),
            v["skipped"].as_u64()
        ),
        (Some(0), Some(2), Some(3))
    );
    let r = &v["results"];
    assert_eq!(r[0]["result"], "failed");
    assert_eq!(r[2]["result"], "skipped");
    assert_eq!(r[2]["row"], 3);
    assert!(
        r[4]["error"].as_str().unwrap().contains("--max-errors 2"),
        "{v}"
    );
    assert!(
        stderr.contains("2 of 5 rows failed (0 ok, 3 skipped)"),
        "{stderr}"
    );
    for (a, b) in &missing {
        a.assert();
        b.assert();
    }
    never.assert();
    unchanged.assert();
}

#[test]
fn one_user_named_several_ways_is_changed_once() {
    let mut org = Org::new();
    let jane = user("00u1", "jane@acme.com", "ACTIVE");
    let g = org.get(
        &format!("/api/v1/groups/{GID}"),
        group(GID, "Figma Users", "OKTA_GROUP"),
    );
    let apps = org.get(&format!("/api/v1/groups/{GID}/apps"), json!([]));
    let by_id = org.user("00u1", jane.clone());
    let by_login = org.user("jane%40acme.com", jane.clone());
    let by_case = org.user("JANE%40acme.com", jane);
    let groups = org.get_n("/api/v1/users/00u1/groups", json!([]), 3);
    let put = org
        .mock("PUT", format!("/api/v1/groups/{GID}/users/00u1").as_str())
        .with_status(204)
        .expect(1)
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(
        &org.url(),
        &[
            "grant",
            "00u1",
            "jane@acme.com",
            "JANE@acme.com",
            "--group",
            GID,
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{stderr}");
    let v = json_out(&out);
    let r = &v["results"];
    assert_eq!(r[0]["result"], "added");
    for i in [1, 2] {
        assert_eq!(r[i]["result"], "duplicate");
        assert_eq!(r[i]["duplicate_of"], 1);
        assert_eq!(r[i]["user_id"], "00u1");
    }
    assert_eq!(sb.audit_changes().len(), 1);
    for m in [g, apps, by_id, by_login, by_case, groups, put] {
        m.assert();
    }
}

#[test]
fn me_is_refused_as_the_target_of_a_change() {
    let mut org = Org::new();
    let me = org.mock("GET", "/api/v1/users/me").expect(0).create();
    let jane = org.user("00u1", user("00u1", "jane@acme.com", "LOCKED_OUT"));
    let post = org.lifecycle("00u1", "unlock", Matcher::Any, "{}");
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "me"]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("'me' names the credential's own admin account"),
        "{stderr}"
    );
    // In bulk the `me` row is refused and the others go on (no preflight:
    // it would read /users/me, which this test proves is never needed).
    let args = ["unlock", "ME", "00u1", "-o", "json", "--no-preflight"];
    let (out, _, stderr) = sb.run(&org.url(), &args);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "refused");
    assert_eq!(v["results"][1]["result"], "unlocked");
    assert_eq!(sb.audit_changes().len(), 1);
    for m in [me, jane, post] {
        m.assert();
    }
}

#[test]
fn an_answer_lost_after_sending_is_unknown_not_failed() {
    let mut org = Org::new();
    let jane = org.user("00u1", user("00u1", "jane@acme.com", "LOCKED_OUT"));
    // Okta takes the unlock, but its answer never arrives in time.
    let post = org
        .mock("POST", "/api/v1/users/00u1/lifecycle/unlock")
        .with_chunked_body(|w| {
            std::thread::sleep(Duration::from_secs(3));
            w.write_all(b"{}")
        })
        .expect(1)
        .create();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(
        &org.url(),
        &["unlock", "00u1", "--timeout", "1", "-o", "json"],
    );
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(stderr.contains("Okta may have applied it"), "{stderr}");
    assert!(
        stderr.contains("running the same command again is safe"),
        "{stderr}"
    );
    let v = json_out(&out);
    assert_eq!(v["results"][0]["result"], "unknown");
    assert_eq!(
        (v["unknown"].as_u64(), v["failed"].as_u64()),
        (Some(1), Some(0))
    );
    let audit = sb.audit_changes();
    assert_eq!(audit[0]["outcome"], "unknown");
    // A POST is never repeated.
    jane.assert();
    post.assert();
}

#[test]
fn an_audit_log_that_cannot_be_written_stops_every_change() {
    let mut org = Org::new();
    let users: Vec<_> = ["00u1", "00u2", "00u3"]
        .iter()
        .map(|id| org.user(id, user(id, &format!("{id}@acme.com"), "LOCKED_OUT")))
        .collect();
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_AUDIT_LOG", "/dev/full")
        .args([
            "unlock",
            "00u1",
            "00u2",
            "00u3",
            "--concurrency",
            "1",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the audit log /dev/full could not be written"),
        "{stderr}"
    );
    let v = json_out(&out);
    assert_eq!(v["skipped"].as_u64(), Some(3), "{v}");
    assert!(
        v["results"][0]["error"]
            .as_str()
            .unwrap()
            .contains("intent line"),
        "{v}"
    );
    for m in users {
        m.assert();
    }
    unchanged.assert();
}

#[test]
fn a_crafted_name_cannot_retitle_the_terminal() {
    let mut org = Org::new();
    let mut evil = user("00u1", "jane@acme.com", "ACTIVE");
    evil["profile"]["firstName"] = json!("\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}nimda");
    let found = org.email_search("jane@acme.com", json!([evil.clone(), evil]));
    let nf = org.no_user("jane%40acme.com");
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let (out, _, stderr) = sb.run(&org.url(), &["unlock", "jane@acme.com"]);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{202e}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{202e}nimda"), "{stderr}");
    for m in [found, nf] {
        m.assert();
    }
    unchanged.assert();
}
