//! `lockouts`: one filtered System Log query joined with the users' current
//! status (batched searches); `--watch`/`--once` with the cursor kept in
//! the state directory; `--exec` hooks.

use std::path::PathBuf;

use mockito::{Matcher, Mock};
use serde_json::{json, Value};

use crate::support::org::Org;
use crate::support::{json_out, okta_error, text, user, Sandbox, TOKEN};

const JANE: &str = "00ujane0000000000001";
const BOB: &str = "00ubob00000000000002";
const CARL: &str = "00ucarl0000000000003";
const ADMIN: &str = "00uadmin000000000009";

/// The filter docs/cli.md documents, byte for byte.
const FILTER: &str = concat!(
    r#"eventType eq "user.account.lock" or eventType eq "user.account.lock.limit""#,
    r#" or eventType eq "user.account.unlock" or eventType eq "user.account.unlock_by_admin""#,
    r#" or eventType eq "user.account.unlock_token""#,
    r#" or (eventType eq "user.session.start" and outcome.result eq "FAILURE")"#
);
const SIMPLE_FILTER: &str = concat!(
    r#"eventType eq "user.account.lock" or eventType eq "user.account.lock.limit""#,
    r#" or eventType eq "user.account.unlock" or eventType eq "user.account.unlock_by_admin""#,
    r#" or eventType eq "user.account.unlock_token""#
);
const WATCH_FILTER: &str =
    r#"eventType eq "user.account.lock" or eventType eq "user.account.lock.limit""#;

fn actor(id: &str) -> Value {
    let login = format!("{}@acme.com", &id[3..7]);
    json!({"id": id, "type": "User", "alternateId": login, "displayName": "From The Log"})
}

fn event(uuid: &str, at: &str, kind: &str, who: &str, result: &str, reason: Option<&str>) -> Value {
    json!({
        "uuid": uuid,
        "published": at,
        "eventType": kind,
        "displayMessage": "Max sign in attempts exceeded",
        "severity": "WARN",
        "actor": actor(who),
        "target": [],
        "outcome": {"result": result, "reason": reason},
        "client": {"ipAddress": "203.0.113.9", "userAgent": {"rawUserAgent": "Mozilla/5.0"},
                   "geographicalContext": {"city": "Lyon", "state": "Rhone", "country": "France",
                                           "geolocation": {"lat": 45.7, "lon": 4.8}}}
    })
}

fn lock(uuid: &str, at: &str, who: &str) -> Value {
    event(
        uuid,
        at,
        "user.account.lock",
        who,
        "FAILURE",
        Some("LOCKED_OUT"),
    )
}

fn failure(uuid: &str, at: &str, who: &str) -> Value {
    event(
        uuid,
        at,
        "user.session.start",
        who,
        "FAILURE",
        Some("INVALID_CREDENTIALS"),
    )
}

fn admin_unlock(uuid: &str, at: &str, who: &str) -> Value {
    let mut e = event(
        uuid,
        at,
        "user.account.unlock_by_admin",
        ADMIN,
        "SUCCESS",
        None,
    );
    e["target"] = json!([{"id": who, "type": "User", "alternateId": "x", "displayName": "x"}]);
    e
}

/// Newest first, as the DESCENDING query answers: Jane locked after three
/// failed sign-ins (a later attempt refused as LOCKED_OUT); Bob locked and
/// unlocked by an admin; Carl locked, his status now ACTIVE.
fn window() -> Value {
    json!([
        event(
            "e9",
            "2026-11-30T08:20:00.000Z",
            "user.session.start",
            JANE,
            "FAILURE",
            Some("LOCKED_OUT")
        ),
        lock("e8", "2026-11-30T08:10:00.000Z", JANE),
        failure("e7", "2026-11-30T08:09:30.000Z", JANE),
        failure("e6", "2026-11-30T08:09:00.000Z", JANE),
        failure("e5", "2026-11-30T08:08:00.000Z", JANE),
        admin_unlock("e4", "2026-11-30T07:45:00.000Z", BOB),
        lock("e3", "2026-11-30T07:30:00.000Z", BOB),
        lock("e2", "2026-11-30T07:00:00.000Z", CARL),
        failure("e1", "2026-11-30T06:00:00.000Z", CARL)
    ])
}

/// The one bounded, filtered, newest-first query.
fn logs(org: &mut Org, filter: &str, body: Value) -> Mock {
    org.mock("GET", "/api/v1/logs")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("filter".into(), filter.into()),
            Matcher::UrlEncoded("sortOrder".into(), "DESCENDING".into()),
            Matcher::UrlEncoded("limit".into(), "1000".into()),
            Matcher::Regex("since=20[0-9]{2}-".into()),
            Matcher::Regex("until=20[0-9]{2}-".into()),
        ]))
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .with_body(body.to_string())
        .create()
}

/// One batched search for `ids`, in that order.
fn search(org: &mut Org, ids: &[&str], users: Value) -> Mock {
    let expr: Vec<String> = ids.iter().map(|id| format!("id eq \"{id}\"")).collect();
    org.mock("GET", "/api/v1/users")
        .match_query(Matcher::UrlEncoded("search".into(), expr.join(" or ")))
        .with_body(users.to_string())
        .create()
}

#[test]
fn lockouts_lists_who_is_still_locked_from_one_query_and_one_search() {
    let mut org = Org::new();
    let logs = logs(&mut org, FILTER, window());
    // Bob's unlock is in the log: he is not looked up.
    let search = search(
        &mut org,
        &[CARL, JANE],
        json!([
            user(JANE, "jane@acme.com", "LOCKED_OUT"),
            user(CARL, "carl@acme.com", "ACTIVE")
        ]),
    );
    let nothing = org.no_mutation();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "-o", "json"])
        .output()
        .unwrap();
    let v = json_out(&out);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(
        v,
        json!([{
            "user_id": JANE,
            "login": "jane@acme.com",
            "name": "Jane Doe",
            "status": "LOCKED_OUT",
            "still_locked": true,
            "locked_at": "2026-11-30T08:10:00.000Z",
            "event_type": "user.account.lock",
            "failed_sign_ins": 3,
            "client_ip": "203.0.113.9",
            "location": {"city": "Lyon", "state": "Rhone", "country": "France"},
            "user_agent": "Mozilla/5.0",
            "unlocked_at": null,
            "unlock_event": null,
            "unlocked_by": null,
            "event_id": "e8"
        }])
    );
    logs.assert();
    search.assert();
    nothing.assert();
}

#[test]
fn the_filter_sent_is_the_one_docs_cli_md_documents() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cli.md")).unwrap();
    let flat = doc.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("`{FILTER}`")),
        "docs/cli.md lacks the filter"
    );
    assert!(flat.contains(&format!("`{WATCH_FILTER}`").replace("`eventType", "`filter=eventType")));
}

#[test]
fn lockouts_all_shows_those_unlocked_since() {
    let mut org = Org::new();
    let logs = logs(&mut org, FILTER, window());
    let search = search(
        &mut org,
        &[CARL, BOB, JANE],
        json!([
            user(JANE, "jane@acme.com", "LOCKED_OUT"),
            user(BOB, "bob@acme.com", "ACTIVE"),
            user(CARL, "carl@acme.com", "ACTIVE")
        ]),
    );
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--all", "--since", "7d", "-o", "json"])
        .output()
        .unwrap();
    let v = json_out(&out);
    assert!(out.status.success(), "{}", text(&out).1);
    let rows: Vec<(&str, bool, Option<&str>, Option<&str>)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["login"].as_str().unwrap(),
                r["still_locked"].as_bool().unwrap(),
                r["unlock_event"].as_str(),
                r["unlocked_by"].as_str(),
            )
        })
        .collect();
    // Oldest lock first: the queue's order.
    assert_eq!(
        rows,
        [
            ("carl@acme.com", false, None, None),
            (
                "bob@acme.com",
                false,
                Some("user.account.unlock_by_admin"),
                Some("admi@acme.com")
            ),
            ("jane@acme.com", true, None, None),
        ]
    );
    assert_eq!(v[0]["failed_sign_ins"], 1);
    assert_eq!(v[1]["unlocked_at"], "2026-11-30T07:45:00.000Z");
    logs.assert();
    search.assert();
}

#[test]
fn lockouts_table_shows_times_relative_and_local() {
    let mut org = Org::new();
    let now = jiff::Timestamp::now();
    let at = |mins: i64| (now - jiff::SignedDuration::from_mins(mins)).to_string();
    let logs = logs(
        &mut org,
        FILTER,
        json!([lock("e2", &at(12), JANE), failure("e1", &at(13), JANE)]),
    );
    let search = search(
        &mut org,
        &[JANE],
        json!([user(JANE, "jane@acme.com", "LOCKED_OUT")]),
    );
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_FORCE_TTY", "1")
        .env("TZ", "UTC")
        // Wide enough for every column whole (the fitter cuts at 80).
        .env("COLUMNS", "160")
        .args(["lockouts"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let local = (now - jiff::SignedDuration::from_mins(12))
        .to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%H:%M")
        .to_string();
    assert!(stdout.contains("LOCKED SINCE"), "{stdout}");
    assert!(
        stdout.contains(&format!("12 min ago ({local})")),
        "{stdout}"
    );
    assert!(
        stdout.contains("jane@acme.com") && stdout.contains("Lyon, Rhone, France"),
        "{stdout}"
    );
    logs.assert();
    search.assert();
}

#[test]
fn lockouts_without_status_reads_still_locked_from_the_log() {
    let mut org = Org::new();
    let logs = logs(&mut org, FILTER, window());
    let search = org
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "-o", "json"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    let v = json_out(&out);
    assert!(out.status.success(), "{stderr}");
    // Jane and Carl: no unlock in the log, status unknown.
    let logins: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins, ["carl@acme.com", "jane@acme.com"]);
    assert!(v[0]["status"].is_null() && v[0]["still_locked"] == true);
    assert_eq!(v[0]["name"], "From The Log");
    assert!(
        stderr.contains("warning: cannot read the users' current status"),
        "{stderr}"
    );
    logs.assert();
    search.assert();
}

#[test]
fn lockouts_filter_okta_refuses_falls_back_without_counts() {
    let mut org = Org::new();
    let refused = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::UrlEncoded("filter".into(), FILTER.into()))
        .with_status(400)
        .with_body(okta_error("E0000053", "Invalid SCIM filter."))
        .create();
    let simple = logs(
        &mut org,
        SIMPLE_FILTER,
        json!([lock("e8", "2026-11-30T08:10:00.000Z", JANE)]),
    );
    let search = search(
        &mut org,
        &[JANE],
        json!([user(JANE, "jane@acme.com", "LOCKED_OUT")]),
    );
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "-o", "json"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    let v = json_out(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(v[0]["failed_sign_ins"].is_null(), "{v}");
    assert!(
        stderr.contains("E0000053") && stderr.contains("without the count"),
        "{stderr}"
    );
    refused.assert();
    simple.assert();
    search.assert();
}

#[test]
fn lockouts_403_names_report_admin() {
    let mut org = Org::new();
    let logs = org
        .mock("GET", "/api/v1/logs")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_body(okta_error("E0000006", "You do not have permission"))
        .create();
    let sb = Sandbox::new();
    let out = sb.cmd(&org.url()).args(["lockouts"]).output().unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("Report Admin"), "{stderr}");
    logs.assert();
}

#[test]
fn lockouts_watch_flags_need_watch() {
    let sb = Sandbox::new();
    for flag in [
        &["--exec", "true"][..],
        &["--from-now"],
        &["--interval", "1m"],
    ] {
        let out = sb
            .cmd("http://127.0.0.1:9")
            .arg("lockouts")
            .args(flag)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag:?}: {}", text(&out).1);
    }
    let out = sb
        .cmd("http://127.0.0.1:9")
        .args(["lockouts", "--watch", "--interval", "1s"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("from 5s to 1h"), "{stderr}");
}

// ---------- --watch, --once ----------

/// `Link: <…?after=CURSOR…>; rel="next"` on the mock's origin.
fn next(org: &Org, after: &str) -> String {
    format!(
        "<{}/api/v1/logs?limit=1000&sortOrder=ASCENDING&after={after}>; rel=\"next\"",
        org.url()
    )
}

/// A polling page: `filter`, ascending, and `since` (first) or `after`.
fn poll(org: &mut Org, from: Matcher, body: Value, next_after: &str, times: usize) -> Mock {
    let link = next(org, next_after);
    org.mock("GET", "/api/v1/logs")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("filter".into(), WATCH_FILTER.into()),
            Matcher::UrlEncoded("sortOrder".into(), "ASCENDING".into()),
            from,
        ]))
        .with_header("link", &link)
        .with_body(body.to_string())
        .expect(times)
        .create()
}

fn after(c: &str) -> Matcher {
    Matcher::UrlEncoded("after".into(), c.into())
}

fn cursor_file(sb: &Sandbox, org: &Org) -> PathBuf {
    let host = org.url().trim_start_matches("http://").replace(':', "_");
    sb.path("state")
        .join("oktactl/watch")
        .join(host)
        .join("default/lockouts.cursor")
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn once_twice_shows_each_lock_out_once_and_a_restart_resumes() {
    let mut org = Org::new();
    let sb = Sandbox::new();
    // First run: from 24 h back (no cursor yet), two lock-outs, then the tail.
    let first = poll(
        &mut org,
        Matcher::Regex("since=20[0-9]{2}-".into()),
        json!([
            lock("e1", "2026-11-30T08:00:00.000Z", JANE),
            lock("e2", "2026-11-30T08:05:00.000Z", BOB)
        ]),
        "c1",
        1,
    );
    let tail1 = poll(&mut org, after("c1"), json!([]), "c1", 1);
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    // Not a terminal: JSON lines.
    let got = lines(&stdout);
    assert_eq!(got.len(), 2, "{stdout}");
    assert_eq!(got[0]["event_id"], "e1");
    assert_eq!(got[0]["user_id"], JANE);
    assert_eq!(got[0]["login"], "jane@acme.com");
    assert_eq!(got[0]["client_ip"], "203.0.113.9");
    assert_eq!(got[0]["location"]["city"], "Lyon");
    assert_eq!(got[1]["event_id"], "e2");
    assert!(stderr.contains("2 new lock-outs"), "{stderr}");
    first.assert();
    tail1.assert();
    // The cursor: Okta's `after` only, never a URL.
    let saved: Value =
        serde_json::from_slice(&std::fs::read(cursor_file(&sb, &org)).unwrap()).unwrap();
    assert_eq!(saved["after"], "c1");
    assert!(!saved.to_string().contains("/api/v1/logs"), "{saved}");

    // Second run (a restart): from the saved cursor, only what is new;
    // a server that sends e2 again does not make it shown twice.
    let second = poll(
        &mut org,
        after("c1"),
        json!([
            lock("e2", "2026-11-30T08:05:00.000Z", BOB),
            lock("e3", "2026-11-30T08:30:00.000Z", CARL)
        ]),
        "c2",
        1,
    );
    let tail2 = poll(&mut org, after("c2"), json!([]), "c2", 1);
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once", "-o", "json"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let got = lines(&stdout);
    assert_eq!(got.len(), 1, "{stdout}");
    assert_eq!(got[0]["event_id"], "e3");
    second.assert();
    tail2.assert();

    // Third run: nothing new.
    let tail3 = poll(&mut org, after("c2"), json!([]), "c2", 1);
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(
        out.status.success() && stdout.is_empty(),
        "{stdout}{stderr}"
    );
    assert!(
        stderr.contains("no new lock-outs since the last run"),
        "{stderr}"
    );
    tail3.assert();
}

#[test]
fn from_now_forgets_the_cursor() {
    let mut org = Org::new();
    let sb = Sandbox::new();
    let first = poll(
        &mut org,
        Matcher::Regex("since=".into()),
        json!([]),
        "c1",
        2,
    );
    let old = poll(
        &mut org,
        after("c1"),
        json!([lock("e1", "2026-11-30T08:00:00.000Z", JANE)]),
        "c2",
        0,
    );
    for _ in 0..2 {
        let out = sb
            .cmd(&org.url())
            .args(["lockouts", "--once", "--from-now"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out).1);
        assert!(out.stdout.is_empty());
    }
    first.assert();
    old.assert();
}

#[test]
fn a_cursor_file_that_is_not_ours_is_refused() {
    let org = Org::new();
    let sb = Sandbox::new();
    let path = cursor_file(&sb, &org);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, r#"{"version":1,"org":"https://evil.example.com","profile":"default","after":"x","seen":[]}"#).unwrap();
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once"])
        .output()
        .unwrap();
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--from-now"), "{stderr}");
}

#[cfg(unix)]
fn script(sb: &Sandbox, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = sb.path(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

#[cfg(unix)]
#[test]
fn exec_gets_each_event_as_json_on_stdin_without_the_token() {
    let mut org = Org::new();
    let sb = Sandbox::new();
    let hook = script(&sb, "hook.sh", r#"cat >> "$1"; env >> "$2""#);
    let (got, env) = (sb.path("got.jsonl"), sb.path("env.txt"));
    let first = poll(
        &mut org,
        Matcher::Regex("since=".into()),
        json!([
            lock("e1", "2026-11-30T08:00:00.000Z", JANE),
            lock("e2", "2026-11-30T08:05:00.000Z", BOB)
        ]),
        "c1",
        1,
    );
    let tail = poll(&mut org, after("c1"), json!([]), "c1", 1);
    let cmd = format!("{hook} '{}' '{}'", got.display(), env.display());
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once", "--exec", &cmd])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&got).unwrap(),
        stdout,
        "the hook reads what stdout shows"
    );
    assert_eq!(lines(&stdout).len(), 2);
    assert!(stderr.contains("--exec: 2 ok, 0 failed"), "{stderr}");
    let env = std::fs::read_to_string(&env).unwrap();
    assert!(
        !env.contains(TOKEN) && !env.contains("OKTA_API_TOKEN"),
        "{env}"
    );
    first.assert();
    tail.assert();
}

#[cfg(unix)]
#[test]
fn a_failing_exec_is_counted_and_the_watch_goes_on() {
    let mut org = Org::new();
    let sb = Sandbox::new();
    let hook = script(&sb, "fail.sh", "cat >/dev/null; exit 3");
    let first = poll(
        &mut org,
        Matcher::Regex("since=".into()),
        json!([
            lock("e1", "2026-11-30T08:00:00.000Z", JANE),
            lock("e2", "2026-11-30T08:05:00.000Z", BOB)
        ]),
        "c1",
        1,
    );
    let tail = poll(&mut org, after("c1"), json!([]), "c1", 2);
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once", "--exec", &hook])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(lines(&stdout).len(), 2, "both shown: {stdout}");
    assert_eq!(
        stderr.matches("exited with status 3").count(),
        2,
        "{stderr}"
    );
    assert!(stderr.contains("--exec: 0 ok, 2 failed"), "{stderr}");
    assert!(
        stderr.contains("--exec failed for 2 of 2 lock-outs"),
        "{stderr}"
    );
    // Delivered all the same: a rerun shows nothing again.
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once"])
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "{}",
        text(&out).1
    );
    first.assert();
    tail.assert();
}

#[cfg(unix)]
#[test]
fn sigint_ends_a_watch_cleanly_with_the_cursor_saved() {
    use crate::support::fake::{FakeServer, Response};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let server = FakeServer::start(|req| {
        let q = req.query.clone().unwrap_or_default();
        if req.path != "/api/v1/logs" || !q.contains("sortOrder=ASCENDING") {
            return Response::empty(404);
        }
        let link = "</api/v1/logs?limit=1000&sortOrder=ASCENDING&after=c1>; rel=\"next\"";
        let body = if q.contains("after=c1") {
            json!([])
        } else {
            json!([lock("e1", "2026-11-30T08:00:00.000Z", JANE)])
        };
        Response::json(200, &body).header("link", link)
    });
    let sb = Sandbox::new();
    let stdout = sb.path("stdout");
    let stderr = sb.path("stderr");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("oktactl"))
        .env_clear()
        .envs(sb.env())
        .env("OKTA_ORG_URL", server.url())
        .env("OKTA_API_TOKEN", TOKEN)
        .args(["lockouts", "--watch", "--interval", "5s", "-o", "json"])
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::read_to_string(&stdout)
        .unwrap_or_default()
        .is_empty()
    {
        assert!(Instant::now() < deadline, "no event shown");
        assert!(
            child.try_wait().unwrap().is_none(),
            "{}",
            std::fs::read_to_string(&stderr).unwrap()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Let it reach the tail and its wait, then interrupt.
    std::thread::sleep(Duration::from_millis(500));
    let sent = Command::new("kill")
        .args(["-s", "INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            panic!("the watch did not end after SIGINT");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let err = std::fs::read_to_string(&stderr).unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.contains("1 new lock-out"), "{err}");
    assert_eq!(lines(&std::fs::read_to_string(&stdout).unwrap()).len(), 1);
    let host = server.url().trim_start_matches("http://").replace(':', "_");
    let path = sb
        .path("state")
        .join("oktactl/watch")
        .join(host)
        .join("default/lockouts.cursor");
    let saved: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(saved["after"], "c1");
    assert_eq!(saved["seen"], json!(["e1"]));
}

#[test]
fn once_at_a_terminal_appends_table_rows_and_csv_has_one_header() {
    let mut org = Org::new();
    let sb = Sandbox::new();
    let first = poll(
        &mut org,
        Matcher::Regex("since=".into()),
        json!([
            lock("e1", "2026-11-30T08:00:00.000Z", JANE),
            lock("e2", "2026-11-30T08:05:00.000Z", BOB)
        ]),
        "c1",
        1,
    );
    let tail = poll(&mut org, after("c1"), json!([]), "c1", 1);
    let out = sb
        .cmd(&org.url())
        .env("OKTACTL_FORCE_TTY", "1")
        .env("TZ", "UTC")
        .args(["lockouts", "--once"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let rows: Vec<&str> = stdout.lines().collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(
        rows[0].starts_with("TIME") && rows[0].contains("LOGIN"),
        "{stdout}"
    );
    assert!(
        rows[1].contains("jane@acme.com") && rows[1].contains("Lyon, Rhone, France"),
        "{stdout}"
    );
    assert!(
        rows[2].contains("bob0@acme.com") && rows[2].ends_with("user.account.lock"),
        "{stdout}"
    );
    first.assert();
    tail.assert();

    let sb = Sandbox::new();
    let first = poll(
        &mut org,
        Matcher::Regex("since=".into()),
        json!([
            lock("e1", "2026-11-30T08:00:00.000Z", JANE),
            lock("e2", "2026-11-30T08:05:00.000Z", BOB)
        ]),
        "c1",
        1,
    );
    let tail = poll(&mut org, after("c1"), json!([]), "c1", 1);
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once", "-o", "csv"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let rows: Vec<&str> = stdout.lines().collect();
    assert_eq!(rows.len(), 3, "{stdout}");
    assert!(
        rows[0].starts_with("event_id,published,event_type,user_id,login"),
        "{stdout}"
    );
    assert!(
        rows[1].starts_with("e1,2026-11-30T08:00:00.000Z,user.account.lock,"),
        "{stdout}"
    );
    first.assert();
    tail.assert();
}

#[test]
fn a_cursor_okta_refuses_resumes_from_the_last_lock_out_shown() {
    let mut org = Org::new();
    let sb = Sandbox::new();
    let path = cursor_file(&sb, &org);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let saved = json!({"version": 1, "org": org.url(), "profile": "default", "after": "stale",
                       "since": null, "watermark": "2026-11-30T08:00:00.000Z", "seen": ["e1"]});
    std::fs::write(&path, saved.to_string()).unwrap();
    let stale = org
        .mock("GET", "/api/v1/logs")
        .match_query(after("stale"))
        .with_status(400)
        .with_body(okta_error("E0000001", "Api validation failed: after"))
        .create();
    let resumed = poll(
        &mut org,
        Matcher::UrlEncoded("since".into(), "2026-11-30T08:00:00.000Z".into()),
        json!([
            lock("e1", "2026-11-30T08:00:00.000Z", JANE),
            lock("e2", "2026-11-30T08:05:00.000Z", BOB)
        ]),
        "c9",
        1,
    );
    let tail = poll(&mut org, after("c9"), json!([]), "c9", 1);
    let out = sb
        .cmd(&org.url())
        .args(["lockouts", "--once"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let got = lines(&stdout);
    assert_eq!(got.len(), 1, "{stdout}");
    assert_eq!(got[0]["event_id"], "e2");
    assert!(
        stderr.contains("Okta refused the saved cursor (E0000001)"),
        "{stderr}"
    );
    stale.assert();
    resumed.assert();
    tail.assert();
}
