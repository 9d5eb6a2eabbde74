//! The confirmation prompt at a terminal: the real binary in a
//! pseudo-terminal (rexpect), against a mock org. One key never confirms,
//! keys typed before the prompt are discarded, `yes` and Enter does,
//! `n` and Ctrl-C and Esc cancel, and the terminal's modes come back; an
//! Enter typed before the user picker appears does not pick anyone.
//! `revoke` in bulk: above 10 removals the count must be typed, up to 10
//! `yes` will do, non-members are never asked about; and a profile's
//! terminal escapes and bidi controls reach the terminal escaped.
#![cfg(unix)]
#![allow(clippy::panic)]

use std::process::Command;
use std::sync::mpsc;
use std::sync::Mutex;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::support::org::Org;
use crate::support::{group, user, Sandbox, TOKEN};
use mockito::{Matcher, Mock, Server};
use rexpect::process::WaitStatus;
use rexpect::session::{spawn_with_options, Options, PtySession};
use rustix::termios::{tcgetattr, tcsetwinsize, LocalModes, Winsize};
use serde_json::{json, Value};

/// The longest any one wait on the program may take.
const TIMEOUT_MS: u64 = 15_000;
/// How long the tests watch a waiting prompt to see that nothing happens.
const SETTLE: Duration = Duration::from_millis(800);
const GONE: &str = "cancelled; nothing was changed";

/// `oktactl ARGS` in a pseudo-terminal 100 columns wide, environment as in
/// `support::Sandbox::cmd` (cleared, temp home), plus TERM=xterm.
pub(crate) fn spawn(sb: &Sandbox, server: &Server, args: &[&str]) -> PtySession {
    let home = sb.dir.path();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_oktactl"));
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("OKTACTL_CONFIG", home.join("config.toml"))
        .env("OKTACTL_AUDIT_LOG", home.join("audit.log"))
        .env("OKTA_ORG_URL", server.url())
        .env("OKTA_API_TOKEN", TOKEN)
        .env("TERM", "xterm")
        .args(args);
    let options = Options::new().timeout_ms(Some(TIMEOUT_MS));
    let p = spawn_with_options(cmd, options).unwrap();
    // A new pty is 0x0, which no terminal window is. The program asks for
    // the size only when it prints a question or a table, long after this.
    let size = Winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(p.process().get_file_handle().unwrap(), size).unwrap();
    p
}

fn reset(sb: &Sandbox, server: &Server) -> PtySession {
    spawn(sb, server, &["reset-password", "jane@acme.com"])
}

fn jane(server: &mut Server) -> Mock {
    server
        .mock("GET", "/api/v1/users/jane%40acme.com")
        .with_body(user("00u1", "jane@acme.com", "ACTIVE").to_string())
        .create()
}

/// The reset, expected `times`.
fn reset_call(server: &mut Server, times: usize) -> Mock {
    server
        .mock("POST", "/api/v1/users/00u1/lifecycle/reset_password")
        .match_query(Matcher::Exact("sendEmail=true".into()))
        .with_body("{}")
        .expect(times)
        .create()
}

/// Any other POST or DELETE: none may be sent.
fn nothing_else(server: &mut Server) -> (Mock, Mock) {
    let post = server
        .mock("POST", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    let delete = server
        .mock("DELETE", Matcher::Any)
        .match_query(Matcher::Any)
        .expect(0)
        .create();
    (post, delete)
}

/// Wait for the question; return what was printed before it.
fn at_prompt(p: &mut PtySession) -> String {
    let before = p.exp_string("[y/N] ").unwrap();
    assert!(
        before.contains("Reset the password of Jane Doe"),
        "{before}"
    );
    before
}

pub(crate) fn type_keys(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

fn still_waiting(p: &PtySession) -> bool {
    p.process().status() == Some(WaitStatus::StillAlive)
}

/// Line editing and echo of the terminal, as the program left them.
fn canonical(p: &PtySession) -> bool {
    let master = p.process().get_file_handle().unwrap();
    tcgetattr(&master)
        .unwrap()
        .local_modes
        .contains(LocalModes::ICANON | LocalModes::ISIG)
}

/// The rest of the output, and the exit code.
pub(crate) fn finish(p: &mut PtySession) -> (String, i32) {
    let rest = p.exp_eof().unwrap();
    let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
    loop {
        match p.process().status() {
            Some(WaitStatus::Exited(_, code)) => return (rest, code),
            Some(WaitStatus::StillAlive) if Instant::now() < deadline => {
                sleep(Duration::from_millis(20))
            }
            other => panic!("the program did not exit: {other:?}"),
        }
    }
}

fn audit_lines(sb: &Sandbox) -> usize {
    std::fs::read_to_string(sb.path("audit.log"))
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

#[test]
fn one_key_without_enter_does_nothing() {
    let mut server = Server::new();
    let get = jane(&mut server);
    let post = reset_call(&mut server, 0);
    let (other, delete) = nothing_else(&mut server);
    let sb = Sandbox::new();
    let mut p = reset(&sb, &server);
    at_prompt(&mut p);
    assert!(!canonical(&p), "the prompt reads keys itself");
    type_keys(&mut p, "y");
    p.exp_string("y").unwrap();
    sleep(SETTLE);
    assert!(still_waiting(&p), "a y without Enter must not answer");
    assert!(post.matched(), "a y without Enter sent the reset");
    // Backspace takes the y back: Enter then answers an empty line, no.
    type_keys(&mut p, "\x7f\r");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains(GONE), "{rest}");
    assert!(canonical(&p), "the terminal's modes were not restored");
    assert_eq!(audit_lines(&sb), 0);
    for m in [get, post, other, delete] {
        m.assert();
    }
}

#[test]
fn keys_typed_before_the_prompt_are_discarded() {
    let mut server = Server::new();
    // The user lookup answers only once the test has typed ahead.
    let (arrived_tx, arrived) = mpsc::channel::<()>();
    let (release, release_rx) = mpsc::channel::<()>();
    let (arrived_tx, release_rx) = (Mutex::new(arrived_tx), Mutex::new(release_rx));
    let body = user("00u1", "jane@acme.com", "ACTIVE").to_string();
    let get = server
        .mock("GET", "/api/v1/users/jane%40acme.com")
        .with_body_from_request(move |_| {
            let _ = arrived_tx.lock().unwrap().send(());
            let _ = release_rx
                .lock()
                .unwrap()
                .recv_timeout(Duration::from_millis(TIMEOUT_MS));
            body.clone().into_bytes()
        })
        .create();
    let post = reset_call(&mut server, 0);
    let (other, delete) = nothing_else(&mut server);
    let sb = Sandbox::new();
    let mut p = reset(&sb, &server);
    arrived
        .recv_timeout(Duration::from_millis(TIMEOUT_MS))
        .expect("the user lookup never came");
    // Nothing is on screen yet: no card, no question.
    type_keys(&mut p, "y\r");
    sleep(Duration::from_millis(200));
    release.send(()).unwrap();
    let before = at_prompt(&mut p);
    assert!(
        before.contains("jane@acme.com"),
        "no identity card: {before}"
    );
    sleep(SETTLE);
    assert!(
        still_waiting(&p),
        "typed-ahead y and Enter answered the prompt"
    );
    assert!(post.matched(), "typed-ahead y and Enter sent the reset");
    // Had the typed-ahead y survived, this Enter would confirm.
    type_keys(&mut p, "\r");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains(GONE), "{rest}");
    assert_eq!(audit_lines(&sb), 0);
    for m in [get, post, other, delete] {
        m.assert();
    }
}

#[test]
fn yes_and_enter_resets_once() {
    let mut server = Server::new();
    let get = jane(&mut server);
    let post = reset_call(&mut server, 1);
    let delete = server.mock("DELETE", Matcher::Any).expect(0).create();
    let sb = Sandbox::new();
    let mut p = reset(&sb, &server);
    at_prompt(&mut p);
    type_keys(&mut p, "yes");
    p.exp_string("yes").unwrap();
    sleep(Duration::from_millis(300));
    assert!(still_waiting(&p), "answered before Enter");
    type_keys(&mut p, "\r");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("Okta emailed jane@acme.com"), "{rest}");
    assert!(!rest.contains(GONE), "{rest}");
    assert!(canonical(&p), "the terminal's modes were not restored");
    // The intent line and the outcome line of the one change.
    assert_eq!(audit_lines(&sb), 2);
    for m in [get, post, delete] {
        m.assert();
    }
}

#[test]
fn n_and_enter_cancels() {
    let mut server = Server::new();
    let get = jane(&mut server);
    let post = reset_call(&mut server, 0);
    let (other, delete) = nothing_else(&mut server);
    let sb = Sandbox::new();
    let mut p = reset(&sb, &server);
    at_prompt(&mut p);
    type_keys(&mut p, "n\r");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains(GONE) && !rest.contains("error: "), "{rest}");
    assert_eq!(audit_lines(&sb), 0);
    for m in [get, post, other, delete] {
        m.assert();
    }
}

#[test]
fn ctrl_c_at_the_prompt_cancels_and_restores_the_terminal() {
    let mut server = Server::new();
    let get = jane(&mut server);
    let post = reset_call(&mut server, 0);
    let (other, delete) = nothing_else(&mut server);
    let sb = Sandbox::new();
    let mut p = reset(&sb, &server);
    at_prompt(&mut p);
    type_keys(&mut p, "ye");
    p.exp_string("ye").unwrap();
    p.send_control('c').unwrap();
    let (rest, code) = finish(&mut p);
    // Not killed by SIGINT: the program says what happened and exits 1.
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains(GONE) && !rest.contains("error: "), "{rest}");
    assert!(canonical(&p), "the terminal's modes were not restored");
    assert_eq!(audit_lines(&sb), 0);
    for m in [get, post, other, delete] {
        m.assert();
    }
}

#[test]
fn esc_at_the_prompt_cancels_but_arrow_keys_do_not() {
    let mut server = Server::new();
    let get = jane(&mut server);
    let post = reset_call(&mut server, 0);
    let (other, delete) = nothing_else(&mut server);
    let sb = Sandbox::new();
    let mut p = reset(&sb, &server);
    at_prompt(&mut p);
    type_keys(&mut p, "\x1b[D\x1b[A");
    sleep(Duration::from_millis(300));
    assert!(still_waiting(&p), "an arrow key ended the prompt");
    type_keys(&mut p, "\x1b");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains(GONE) && !rest.contains("error: "), "{rest}");
    assert!(canonical(&p), "the terminal's modes were not restored");
    for m in [get, post, other, delete] {
        m.assert();
    }
}

#[test]
fn keys_typed_before_the_user_picker_are_discarded() {
    let mut server = Server::new();
    let by_login = server
        .mock("GET", "/api/v1/users/jane%40acme.com")
        .with_status(404)
        .with_body(crate::support::okta_error(
            "E0000007",
            "Not found: Resource not found",
        ))
        .create();
    // Two users share the email; the search answers once the test has typed ahead.
    let mut twins = Vec::new();
    for (id, login) in [("00u1", "jane@acme.com"), ("00u2", "jane.doe@acme.com")] {
        let mut u = user(id, login, "ACTIVE");
        u["profile"]["email"] = "jane@acme.com".into();
        twins.push(u);
    }
    let body = serde_json::Value::Array(twins).to_string();
    let (arrived_tx, arrived) = mpsc::channel::<()>();
    let (release, release_rx) = mpsc::channel::<()>();
    let (arrived_tx, release_rx) = (Mutex::new(arrived_tx), Mutex::new(release_rx));
    let search = server
        .mock("GET", "/api/v1/users")
        .match_query(Matcher::Any)
        .with_body_from_request(move |_| {
            let _ = arrived_tx.lock().unwrap().send(());
            let _ = release_rx
                .lock()
                .unwrap()
                .recv_timeout(Duration::from_millis(TIMEOUT_MS));
            body.clone().into_bytes()
        })
        .create();
    let (post, delete) = nothing_else(&mut server);
    let sb = Sandbox::new();
    let mut p = reset(&sb, &server);
    arrived
        .recv_timeout(Duration::from_millis(TIMEOUT_MS))
        .expect("the user search never came");
    // An Enter typed now would pick the first user, were it kept.
    type_keys(&mut p, "\r");
    sleep(Duration::from_millis(200));
    release.send(()).unwrap();
    p.exp_string("matches 2 users; pick one").unwrap();
    sleep(SETTLE);
    assert!(still_waiting(&p), "typed-ahead Enter answered the picker");
    // Esc leaves the picker: the ambiguity is an error, exit 3.
    type_keys(&mut p, "\x1b");
    let (rest, code) = finish(&mut p);
    assert_eq!(code, 3, "{rest}");
    assert!(!rest.contains("[y/N]"), "a user was picked: {rest}");
    for m in [by_login, search, post, delete] {
        m.assert();
    }
}

// ---- revoke at a terminal -------------------------------------------------

const GID: &str = "00gfigma000000000001";

/// What the terminal showed, as text: rexpect hands each byte over as one
/// `char`, so a character of several bytes arrives as several chars.
fn shown(received: &str) -> String {
    let bytes: Vec<u8> = received
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn uid(n: usize) -> String {
    format!("00u{n:017}")
}

fn login(n: usize) -> String {
    format!("u{n}@acme.com")
}

/// `u{n}@acme.com`, one per line.
fn users_file(sb: &Sandbox, users: &[usize]) -> String {
    let path = sb.path("leavers.txt");
    let text: String = users.iter().map(|&n| login(n) + "\n").collect();
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The mock org of a revoke from 'Figma Users' of `users` (`u{n}@acme.com`,
/// id `00u…n`), of whom `members` are in the group; `deletes` removals are
/// expected, and nothing else is changed. The mocks, to assert at the end.
fn revoke_org(org: &mut Org, users: &[usize], members: &[usize], deletes: usize) -> Vec<Mock> {
    let mut mocks = vec![
        org.get(
            &format!("/api/v1/groups/{GID}"),
            group(GID, "Figma Users", "OKTA_GROUP"),
        ),
        org.get(
            &format!("/api/v1/groups/{GID}/apps"),
            json!([{"id": "0oafigma000000000001", "name": "figma", "label": "Figma", "status": "ACTIVE"}]),
        ),
    ];
    // From 8 rows on, one pass over the group's members.
    let member_pass = users.len() >= 8;
    if member_pass {
        let listed: Vec<Value> = members
            .iter()
            .map(|&n| user(&uid(n), &login(n), "ACTIVE"))
            .collect();
        mocks.push(
            org.mock("GET", format!("/api/v1/groups/{GID}/users").as_str())
                .match_query(Matcher::UrlEncoded("limit".into(), "200".into()))
                .with_body(Value::Array(listed).to_string())
                .create(),
        );
    }
    mocks.push(
        org.mock(
            "GET",
            Matcher::Regex(r"^/api/v1/users/u\d+%40acme\.com$".into()),
        )
        .with_body_from_request(|req| {
            let n: usize = req.path()["/api/v1/users/u".len()..]
                .trim_end_matches("%40acme.com")
                .parse()
                .unwrap();
            user(&uid(n), &login(n), "ACTIVE").to_string().into_bytes()
        })
        .expect(if member_pass { 0 } else { users.len() })
        .create(),
    );
    if member_pass {
        // The rows the member pass did not find are looked up in one search.
        let others: Vec<Value> = users
            .iter()
            .filter(|n| !members.contains(n))
            .map(|&n| user(&uid(n), &login(n), "ACTIVE"))
            .collect();
        let search = org
            .mock("GET", "/api/v1/users")
            .match_query(Matcher::Regex("search=".into()))
            .with_body(Value::Array(others.clone()).to_string());
        mocks.push(if others.is_empty() {
            search.expect(0).create()
        } else {
            search.expect_at_least(1).create()
        });
    }
    // A user's groups: the group itself for members. Below 8 rows each row
    // asks; after a member pass, at most the rows it did not find may.
    let in_group: Vec<String> = members.iter().map(|&n| uid(n)).collect();
    let groups = org
        .mock(
            "GET",
            Matcher::Regex(r"^/api/v1/users/00u\d{17}/groups$".into()),
        )
        .with_body_from_request(move |req| {
            let id = req.path().split('/').nth(4).unwrap_or_default();
            let gs = if in_group.iter().any(|m| m == id) {
                json!([group(GID, "Figma Users", "OKTA_GROUP")])
            } else {
                json!([group("00geveryone000000000", "Everyone", "BUILT_IN")])
            };
            gs.to_string().into_bytes()
        });
    mocks.push(if member_pass {
        groups.expect_at_most(users.len() - members.len()).create()
    } else {
        groups.expect(users.len()).create()
    });
    mocks.push(
        org.mock(
            "DELETE",
            Matcher::Regex(format!(r"^/api/v1/groups/{GID}/users/00u\d{{17}}$")),
        )
        .with_status(204)
        .with_header("x-okta-request-id", "req-del")
        .expect(deletes)
        .create(),
    );
    for method in ["POST", "PUT"] {
        mocks.push(
            org.mock(method, Matcher::Any)
                .match_query(Matcher::Any)
                .expect(0)
                .create(),
        );
    }
    mocks
}

fn revoke_from(sb: &Sandbox, org: &Org, users: &[usize]) -> PtySession {
    let file = users_file(sb, users);
    spawn(
        sb,
        org,
        &["revoke", "--from", &file, "--group", GID, "--no-preflight"],
    )
}

/// The changes of the audit log: `n` removals from the group, one per user.
fn assert_removed(sb: &Sandbox, users: &[usize]) {
    let changes = sb.audit_changes();
    let mut got: Vec<&str> = changes
        .iter()
        .map(|c| {
            assert_eq!(
                (c["command"].as_str(), c["group"].as_str()),
                (Some("revoke"), Some(GID)),
                "{c}"
            );
            assert_eq!(c["outcome"], "removed", "{c}");
            c["user_id"].as_str().unwrap()
        })
        .collect();
    got.sort_unstable();
    let mut want: Vec<String> = users.iter().map(|&n| uid(n)).collect();
    want.sort_unstable();
    assert_eq!(got, want);
}

/// Wait for the typed-count question of 12 removals; what came before it.
fn at_typed_prompt(p: &mut PtySession) -> String {
    let before = shown(&p.exp_string("[type 12 to confirm] ").unwrap());
    assert!(
        before.contains("Remove 12 users from 'Figma Users'") && !before.contains("Type 12"),
        "{before}"
    );
    // The first ten rows, then how many more; never the eleventh.
    for n in 1..=10 {
        assert!(
            before.contains(&format!("  {}  {}", login(n), uid(n))),
            "{before}"
        );
    }
    assert!(before.contains("  … and 2 more"), "{before}");
    for n in [11, 12] {
        assert!(!before.contains(&uid(n)), "row {n} listed: {before}");
    }
    assert!(!before.contains("[y/N]"), "{before}");
    before
}

#[test]
fn twelve_removals_are_not_confirmed_by_y() {
    let twelve: Vec<usize> = (1..=12).collect();
    let mut org = Org::new();
    let mocks = revoke_org(&mut org, &twelve, &twelve, 0);
    let sb = Sandbox::new();
    let mut p = revoke_from(&sb, &org, &twelve);
    at_typed_prompt(&mut p);
    type_keys(&mut p, "y\r");
    let (rest, code) = finish(&mut p);
    let rest = shown(&rest);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains(GONE) && !rest.contains("error: "), "{rest}");
    assert!(canonical(&p), "the terminal's modes were not restored");
    assert!(sb.audit_lines().is_empty());
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn twelve_removals_are_confirmed_by_typing_12() {
    let twelve: Vec<usize> = (1..=12).collect();
    let mut org = Org::new();
    let mocks = revoke_org(&mut org, &twelve, &twelve, 12);
    let sb = Sandbox::new();
    let mut p = revoke_from(&sb, &org, &twelve);
    at_typed_prompt(&mut p);
    type_keys(&mut p, "12");
    p.exp_string("12").unwrap();
    sleep(Duration::from_millis(300));
    assert!(still_waiting(&p), "answered before Enter");
    type_keys(&mut p, "\r");
    let (rest, code) = finish(&mut p);
    let rest = shown(&rest);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("12 rows: 12 removed"), "{rest}");
    assert!(!rest.contains(GONE), "{rest}");
    assert!(canonical(&p), "the terminal's modes were not restored");
    assert_removed(&sb, &twelve);
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn three_removals_are_confirmed_by_yes() {
    let three = [1, 2, 3];
    let mut org = Org::new();
    let mocks = revoke_org(&mut org, &three, &three, 3);
    let sb = Sandbox::new();
    let mut p = revoke_from(&sb, &org, &three);
    let before = shown(&p.exp_string("[y/N] ").unwrap());
    assert!(
        before.contains("Remove 3 users from 'Figma Users'"),
        "{before}"
    );
    for n in three {
        assert!(
            before.contains(&format!("  {}  {}", login(n), uid(n))),
            "{before}"
        );
    }
    assert!(
        !before.contains("more") && !before.contains("to confirm"),
        "{before}"
    );
    type_keys(&mut p, "yes\r");
    let (rest, code) = finish(&mut p);
    let rest = shown(&rest);
    assert_eq!(code, 0, "{rest}");
    assert!(rest.contains("3 rows: 3 removed"), "{rest}");
    assert!(canonical(&p), "the terminal's modes were not restored");
    assert_removed(&sb, &three);
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn no_question_when_nobody_is_a_member() {
    // Nine rows: the member pass runs and finds none of them.
    let nine: Vec<usize> = (1..=9).collect();
    let mut org = Org::new();
    let mocks = revoke_org(&mut org, &nine, &[], 0);
    let sb = Sandbox::new();
    let mut p = revoke_from(&sb, &org, &nine);
    // Nothing is typed: a question would wait until `finish` timed out.
    let (out, code) = finish(&mut p);
    let out = shown(&out);
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("[y/N]") && !out.contains("to confirm"),
        "{out}"
    );
    // One table row each, and the summary.
    assert_eq!(out.matches("not_member").count(), 9 + 1, "{out}");
    assert!(out.contains("9 rows: 9 not_member"), "{out}");
    assert!(sb.audit_lines().is_empty());
    mocks.iter().for_each(Mock::assert);
}

#[test]
fn escapes_in_a_profile_reach_the_terminal_escaped() {
    let mut org = Org::new();
    let mut u = user("00u1", "jane@acme.com", "ACTIVE");
    u["profile"]["firstName"] = "Jane\u{1b}]0;pwned\u{7}\u{1b}[2J".into();
    u["profile"]["lastName"] = "\u{202E}eoD".into();
    let mocks = [
        org.get(
            &format!("/api/v1/groups/{GID}"),
            group(GID, "Figma Users", "OKTA_GROUP"),
        ),
        org.get(&format!("/api/v1/groups/{GID}/apps"), json!([])),
        org.user("jane%40acme.com", u),
        org.get(
            "/api/v1/users/00u1/groups",
            json!([group(GID, "Figma Users", "OKTA_GROUP")]),
        ),
    ];
    let unchanged = org.no_mutation();
    let sb = Sandbox::new();
    let mut p = spawn(&sb, &org, &["revoke", "jane@acme.com", "--group", GID]);
    let before = shown(&p.exp_string("[y/N] ").unwrap());
    let name = r"Jane\u{1b}]0;pwned\u{7}\u{1b}[2J \u{202e}eoD";
    assert!(
        before.contains(&format!("  name           {name}")),
        "the card: {before}"
    );
    assert!(
        before.contains(&format!("Remove jane@acme.com ({name}) from 'Figma Users'")),
        "the question: {before}"
    );
    type_keys(&mut p, "n\r");
    let (rest, code) = finish(&mut p);
    let all = before + &shown(&rest);
    assert_eq!(code, 1, "{all}");
    assert!(all.contains(GONE), "{all}");
    for raw in ['\u{1b}', '\u{7}', '\u{202E}'] {
        assert!(
            !all.contains(raw),
            "a raw {raw:?} reached the terminal: {all:?}"
        );
    }
    mocks.iter().for_each(Mock::assert);
    unchanged.assert();
}
