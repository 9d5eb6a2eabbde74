//! The confirmation prompt at a terminal: the real binary in a
//! pseudo-terminal (rexpect), against a mock org. One key never confirms,
//! keys typed before the prompt are discarded, `yes` and Enter does,
//! `n` and Ctrl-C and Esc cancel, and the terminal's modes come back; an
//! Enter typed before the user picker appears does not pick anyone.
#![cfg(unix)]
#![allow(clippy::panic)]

use std::process::Command;
use std::sync::mpsc;
use std::sync::Mutex;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::support::{user, Sandbox, TOKEN};
use mockito::{Matcher, Mock, Server};
use rexpect::process::WaitStatus;
use rexpect::session::{spawn_with_options, Options, PtySession};
use rustix::termios::{tcgetattr, LocalModes};

/// The longest any one wait on the program may take.
const TIMEOUT_MS: u64 = 15_000;
/// How long the tests watch a waiting prompt to see that nothing happens.
const SETTLE: Duration = Duration::from_millis(800);
const GONE: &str = "cancelled; nothing was changed";

/// `oktactl ARGS` in a pseudo-terminal, environment as in
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
    spawn_with_options(cmd, options).unwrap()
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
