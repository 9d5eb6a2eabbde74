//! `audit`: the local audit log read back, one row per change.

use crate::support::{text, Sandbox};
use serde_json::{json, Value};

/// Two finished changes whose lines interleave, an old-format line, a
/// malformed line, an unfinished intent, a failed change with fields a later
/// version adds, and a last line cut short by a crash.
const LOG: &str = concat!(
    r#"{"time":"2026-11-29T17:30:00.123Z","phase":"intent","change_id":"c-1","operator":"alice","org":"https://acme.okta.com","profile":"default","command":"unlock","channel":"cli","ticket":"HD-1","user_id":"00u1","user":"jane@x.com","group":null,"call":"POST /api/v1/users/00u1/lifecycle/unlock"}"#,
    "\n",
    r#"{"time":"2026-11-29T17:31:00.000Z","phase":"intent","change_id":"c-2","operator":"bob","org":"https://acme.okta.com","profile":"ops","command":"grant","channel":"cli","ticket":"HD-2","user_id":"00u2","user":"max@x.com","group":"00g1","call":"PUT /api/v1/groups/00g1/users/00u2"}"#,
    "\n",
    r#"{"time":"2026-11-29T17:31:00.300Z","phase":"outcome","change_id":"c-2","operator":"bob","org":"https://acme.okta.com","profile":"ops","command":"grant","channel":"cli","ticket":"HD-2","user_id":"00u2","user":"max@x.com","group":"00g1","outcome":"added","request_id":"R2","error":null}"#,
    "\n",
    r#"{"time":"2026-11-29T17:31:00.500Z","phase":"outcome","change_id":"c-1","operator":"alice","org":"https://acme.okta.com","profile":"default","command":"unlock","channel":"cli","ticket":"HD-1","user_id":"00u1","user":"jane@x.com","group":null,"outcome":"unlocked","request_id":"XyZ","error":null}"#,
    "\n",
    r#"{"time":"2026-10-01T08:00:00.000000001Z","operator":"carol","org":"https://acme.okta.com","profile":"default","command":"reset-password","user_id":"00u3","user":"Sam@X.com","group":null,"result":"email_sent","ticket":"HD-3","request_id":"R3"}"#,
    "\n",
    "this is not json\n",
    r#"{"time":"2026-11-29T17:40:00Z","phase":"intent","change_id":"c-3","operator":"alice","org":"https://acme.okta.com","profile":"default","command":"reset-mfa","channel":"cli","ticket":"HD-1","user_id":"00u4","user":"lee@x.com","group":null,"call":"DELETE /api/v1/users/00u4/factors/ufs1"}"#,
    "\n",
    r#"{"time":"2026-11-29T17:45:00Z","phase":"intent","change_id":"c-4","operator":"dave","command":"unlock","channel":"chat","requester":"lee","policy":{"rule":7},"user_id":"00u4","call":"POST /api/v1/users/00u4/lifecycle/unlock"}"#,
    "\n",
    r#"{"time":"2026-11-29T17:45:01Z","phase":"outcome","change_id":"c-4","operator":"dave","command":"unlock","client":{"ip":"10.0.0.1"},"user_id":"00u4","user":"lee@x.com","outcome":"failed","request_id":"R4","error":"E0000006: You do not have permission"}"#,
    "\n",
    r#"{"time":"2026-11-29T17:50:00Z","phase":"intent","change_id":"c-5","comm"#,
);

fn sandbox() -> Sandbox {
    let sb = Sandbox::new();
    std::fs::write(sb.path("audit.log"), LOG).unwrap();
    sb
}

fn log_path(sb: &Sandbox) -> String {
    sb.path("audit.log").display().to_string()
}

/// Run `oktactl audit ARGS`: (exit code, stdout, stderr).
fn audit(sb: &Sandbox, args: &[&str]) -> (i32, String, String) {
    let out = sb.bare().arg("audit").args(args).output().unwrap();
    let (stdout, stderr) = text(&out);
    (out.status.code().unwrap(), stdout, stderr)
}

/// The change ids of a JSON listing, in order (null as "-").
fn ids(stdout: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["change_id"].as_str().unwrap_or("-").to_string())
        .collect()
}

/// Lines of a table as printed: each ends with a line feed.
fn lines(rows: &[&str]) -> String {
    rows.iter().map(|r| format!("{r}\n")).collect()
}

fn c1() -> Value {
    json!({
        "time": "2026-11-29T17:30:00.123Z",
        "command": "unlock",
        "user": "jane@x.com",
        "user_id": "00u1",
        "group": null,
        "call": "POST /api/v1/users/00u1/lifecycle/unlock",
        "outcome": "unlocked",
        "error": null,
        "ticket": "HD-1",
        "request_id": "XyZ",
        "operator": "alice",
        "org": "https://acme.okta.com",
        "profile": "default",
        "change_id": "c-1"
    })
}

#[test]
fn json_joins_pairs_in_start_order() {
    let sb = sandbox();
    let (code, stdout, stderr) = audit(&sb, &["-o", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        v,
        json!([
            c1(),
            {
                "time": "2026-11-29T17:31:00.000Z",
                "command": "grant",
                "user": "max@x.com",
                "user_id": "00u2",
                "group": "00g1",
                "call": "PUT /api/v1/groups/00g1/users/00u2",
                "outcome": "added",
                "error": null,
                "ticket": "HD-2",
                "request_id": "R2",
                "operator": "bob",
                "org": "https://acme.okta.com",
                "profile": "ops",
                "change_id": "c-2"
            },
            {
                "time": "2026-10-01T08:00:00.000000001Z",
                "command": "reset-password",
                "user": "Sam@X.com",
                "user_id": "00u3",
                "group": null,
                "call": null,
                "outcome": "email_sent",
                "error": null,
                "ticket": "HD-3",
                "request_id": "R3",
                "operator": "carol",
                "org": "https://acme.okta.com",
                "profile": "default",
                "change_id": null
            },
            {
                "time": "2026-11-29T17:40:00Z",
                "command": "reset-mfa",
                "user": "lee@x.com",
                "user_id": "00u4",
                "group": null,
                "call": "DELETE /api/v1/users/00u4/factors/ufs1",
                "outcome": "unfinished",
                "error": null,
                "ticket": "HD-1",
                "request_id": null,
                "operator": "alice",
                "org": "https://acme.okta.com",
                "profile": "default",
                "change_id": "c-3"
            },
            {
                "time": "2026-11-29T17:45:00Z",
                "command": "unlock",
                "user": "lee@x.com",
                "user_id": "00u4",
                "group": null,
                "call": "POST /api/v1/users/00u4/lifecycle/unlock",
                "outcome": "failed",
                "error": "E0000006: You do not have permission",
                "ticket": null,
                "request_id": "R4",
                "operator": "dave",
                "org": null,
                "profile": null,
                "change_id": "c-4"
            }
        ])
    );
    let path = log_path(&sb);
    assert_eq!(
        stderr,
        format!(
            "warning: {path}:6: not JSON (expected ident at line 1 column 2); skipped\n\
             warning: {path}:10: the last line is cut short (a run stopped while writing it?): \
             not JSON (EOF while parsing a string at line 1 column 71); skipped\n\
             1 change is unfinished (no outcome written): `oktactl audit --unfinished` lists \
             such changes and what to do about them\n"
        )
    );
}

#[test]
fn table_shows_one_row_per_change() {
    let sb = sandbox();
    let (code, stdout, _) = audit(&sb, &[]);
    assert_eq!(code, 0);
    // Piped: no wrapping, one leading blank, none trailing; times in UTC
    // to the second (JSON and CSV keep them as written).
    let want = lines(&[
        " TIME                  COMMAND         USER        OUTCOME     TICKET  OPERATOR",
        " 2026-11-29T17:30:00Z  unlock          jane@x.com  unlocked    HD-1    alice",
        " 2026-11-29T17:31:00Z  grant           max@x.com   added       HD-2    bob",
        " 2026-10-01T08:00:00Z  reset-password  Sam@X.com   email_sent  HD-3    carol",
        " 2026-11-29T17:40:00Z  reset-mfa       lee@x.com   unfinished  HD-1    alice",
        " 2026-11-29T17:45:00Z  unlock          lee@x.com   failed      -       dave",
    ]);
    assert_eq!(stdout, want);
}

#[test]
fn csv_has_every_column() {
    let sb = sandbox();
    let (code, stdout, _) = audit(&sb, &["-o", "csv", "--ticket", "HD-1"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "time,command,user,user_id,group,call,outcome,error,ticket,request_id,operator,org,profile,change_id\n\
         2026-11-29T17:30:00.123Z,unlock,jane@x.com,00u1,,POST /api/v1/users/00u1/lifecycle/unlock,unlocked,,HD-1,XyZ,alice,https://acme.okta.com,default,c-1\n\
         2026-11-29T17:40:00Z,reset-mfa,lee@x.com,00u4,,DELETE /api/v1/users/00u4/factors/ufs1,unfinished,,HD-1,,alice,https://acme.okta.com,default,c-3\n"
    );
}

#[test]
fn filters_by_user_ticket_command_and_time() {
    let sb = sandbox();
    let cases: &[(&[&str], &[&str])] = &[
        (&["--user", "JANE@x.com"], &["c-1"]),
        (&["--user", "00u2"], &["c-2"]),
        (&["--user", "00U2"], &[]),
        (&["--user", "sam@x.com"], &["-"]),
        (&["--user", "00u4"], &["c-3", "c-4"]),
        (&["--ticket", "HD-1"], &["c-1", "c-3"]),
        (&["--ticket", "hd-1"], &[]),
        (&["--command", "UNLOCK"], &["c-1", "c-4"]),
        (&["--command", "reset"], &[]),
        (&["--since", "2026-11-29T17:35:00Z"], &["c-3", "c-4"]),
        (
            &["--since", "2026-11-29T18:31:00+01:00"],
            &["c-2", "c-3", "c-4"],
        ),
        (&["--user", "lee@x.com", "--command", "unlock"], &["c-4"]),
        (&["--unfinished"], &["c-3"]),
        (&["--unfinished", "--ticket", "HD-2"], &[]),
    ];
    for (args, want) in cases {
        let mut all = vec!["-o", "json"];
        all.extend_from_slice(args);
        let (code, stdout, stderr) = audit(&sb, &all);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(ids(&stdout), *want, "{args:?}");
    }
}

#[test]
fn since_a_span_counts_back_from_now() {
    let sb = Sandbox::new();
    let now = jiff::Timestamp::now();
    let at = |hours: i64| {
        now.checked_sub(jiff::SignedDuration::from_hours(hours))
            .unwrap()
            .to_string()
    };
    let log = format!(
        "{}\n{}\n",
        json!({"time": at(48), "command": "unlock", "user": "old@x.com", "result": "unlocked"}),
        json!({"time": at(1), "command": "unlock", "user": "new@x.com", "result": "unlocked"}),
    );
    std::fs::write(sb.path("audit.log"), log).unwrap();
    let users = |since: &str| {
        let (code, stdout, _) = audit(&sb, &["-o", "json", "--since", since]);
        assert_eq!(code, 0);
        let v: Value = serde_json::from_str(&stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["user"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(users("2h"), ["new@x.com"]);
    assert_eq!(users("90m"), ["new@x.com"]);
    assert_eq!(users("3d"), ["old@x.com", "new@x.com"]);
    assert!(users("30m").is_empty());
}

#[test]
fn unfinished_lists_open_intents_and_says_what_to_do() {
    let sb = sandbox();
    let (code, stdout, stderr) = audit(&sb, &["--unfinished"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        lines(&[
            " TIME                  COMMAND    USER       OUTCOME     TICKET  OPERATOR",
            " 2026-11-29T17:40:00Z  reset-mfa  lee@x.com  unfinished  HD-1    alice",
        ])
    );
    assert!(
        stderr.ends_with(
            "1 change was started but has no outcome: a run was interrupted or crashed after \
             the intent was written, so whether Okta made the change is unknown. Check each \
             user's state in Okta before trying again: `oktactl user show USER`, and \
             `oktactl log USER` for what happened.\n"
        ),
        "{stderr}"
    );
    // --quiet keeps stderr for errors.
    let (_, _, quiet) = audit(&sb, &["--unfinished", "-q"]);
    assert_eq!(quiet, "");
}

#[test]
fn the_ticket_being_worked_on_does_not_filter() {
    let sb = sandbox();
    let out = sb
        .bare()
        .env("OKTACTL_TICKET", "HD-2")
        .args(["audit", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(ids(&text(&out).0), ["c-1", "c-2", "-", "c-3", "c-4"]);
    let out = sb
        .bare()
        .env("OKTACTL_TICKET", "HD-2")
        .args(["audit", "--ticket", "HD-3", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(ids(&text(&out).0), ["-"]);
}

#[test]
fn a_line_too_long_is_reported_and_skipped() {
    let sb = Sandbox::new();
    let long = json!({"time": "2026-11-29T17:00:00Z", "command": "unlock", "pad": "x".repeat(2 << 20), "result": "unlocked"});
    let log = format!(
        "{long}\n{}\n",
        json!({"time": "2026-11-29T17:01:00Z", "command": "grant", "result": "added"})
    );
    std::fs::write(sb.path("audit.log"), &log).unwrap();
    let (code, stdout, stderr) = audit(&sb, &["-o", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "time,command,user,user_id,group,call,outcome,error,ticket,request_id,operator,org,profile,change_id\n\
         2026-11-29T17:01:00Z,grant,,,,,added,,,,,,,\n"
    );
    let len = log.lines().next().unwrap().len();
    assert_eq!(
        stderr,
        format!(
            "warning: {}:1: a line of {len} bytes, longer than the 1 MiB a line may have; skipped\n",
            log_path(&sb)
        )
    );
}

#[test]
fn many_bad_lines_are_counted_not_all_shown() {
    let sb = Sandbox::new();
    let mut log = "garbage\n".repeat(25);
    log.push_str(r#"{"time":"2026-11-29T17:01:00Z","command":"grant","result":"added"}"#);
    log.push('\n');
    std::fs::write(sb.path("audit.log"), &log).unwrap();
    let (code, stdout, stderr) = audit(&sb, &["-o", "json"]);
    assert_eq!(code, 0);
    assert_eq!(ids(&stdout), ["-"]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 21, "{stderr}");
    assert!(lines[19].starts_with(&format!("warning: {}:20: not JSON", log_path(&sb))));
    assert_eq!(
        lines[20],
        format!(
            "warning: {}: 5 more lines could not be read and were skipped",
            log_path(&sb)
        )
    );
}

#[test]
fn no_log_yet_is_not_an_error() {
    let sb = Sandbox::new();
    let path = log_path(&sb);
    let (code, stdout, stderr) = audit(&sb, &[]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "");
    assert_eq!(stderr, format!("no audit log at {path} yet\n"));
    let (code, stdout, _) = audit(&sb, &["-o", "json"]);
    assert_eq!((code, stdout.as_str()), (0, "[]\n"));
    let (code, stdout, _) = audit(&sb, &["-o", "csv"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "time,command,user,user_id,group,call,outcome,error,ticket,request_id,operator,org,profile,change_id\n"
    );
}

#[test]
fn an_empty_log_lists_nothing() {
    let sb = Sandbox::new();
    std::fs::write(sb.path("audit.log"), "").unwrap();
    let (code, stdout, stderr) = audit(&sb, &[]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "", "no results\n")
    );
}

#[test]
fn a_bad_since_is_a_usage_error() {
    let sb = sandbox();
    for (since, why) in [
        ("5y", "the unit must be s, m, h, d or w"),
        ("yesterday", "not a duration or a time"),
        ("0h", "the span must be longer than zero"),
    ] {
        let (code, stdout, stderr) = audit(&sb, &["--since", since]);
        assert_eq!(code, 2, "{since}");
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            format!(
                "error: --since '{since}': {why}\n\
                 hint: give a span back from now, a whole number and a unit s, m, h, d or w \
                 (15m, 24h, 7d), or an RFC 3339 time such as 2026-11-29T17:00:00Z\n"
            )
        );
    }
    let (code, _, stderr) = audit(&sb, &["--since", "2026-13-01T00:00:00Z"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error: --since '2026-13-01T00:00:00Z': not an RFC 3339 time ("),
        "{stderr}"
    );
}

#[test]
fn a_directory_is_a_usage_error() {
    let sb = Sandbox::new();
    let dir = sb.path("logs");
    std::fs::create_dir(&dir).unwrap();
    let out = sb
        .bare()
        .env("OKTACTL_AUDIT_LOG", &dir)
        .arg("audit")
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "error: the audit log {} is a directory\n\
             hint: set OKTACTL_AUDIT_LOG to the log file itself (audit.log), or unset it for the default\n",
            dir.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_log_fails_with_a_hint() {
    use std::os::unix::fs::PermissionsExt;
    let sb = sandbox();
    let path = sb.path("audit.log");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        return; // root reads anything
    }
    let (code, stdout, stderr) = audit(&sb, &[]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with(&format!(
            "error: cannot read the audit log {}: ",
            path.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("\nhint: the log is readable only by the OS user who wrote it"));
}
