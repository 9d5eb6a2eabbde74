//! What a config file or an org URL can do to the keyring credential: a
//! token goes only to the org recorded with it in the keyring, whatever the
//! config says; a config others can write, a too large one, or an org URL
//! with a fragment is refused before any request; the config is saved
//! without following a planted temporary file; the running binary has core
//! dumps off. The keyring tests use the real OS keyring (as tests/it/keyring.rs)
//! and skip where none answers, unless OKTACTL_REQUIRE_KEYRING=1.
#![cfg(unix)]

use std::process::Output;

use mockito::{Matcher, Mock, Server, ServerGuard};

use crate::support::{no_keyring, text, user, Sandbox, TOKEN};

/// A server that must receive nothing at all.
fn untouched(server: &mut ServerGuard) -> Mock {
    server.mock("GET", Matcher::Any).expect(0).create()
}

/// `whoami`'s two requests, answered for the token `TOKEN`, `n` times.
fn whoami_mocks(server: &mut ServerGuard, n: usize) -> Vec<Mock> {
    vec![
        server
            .mock("GET", "/api/v1/users/me")
            .match_header("authorization", format!("SSWS {TOKEN}").as_str())
            .with_body(user("00ubot", "bot@acme.com", "ACTIVE").to_string())
            .expect(n)
            .create(),
        server
            .mock("GET", "/api/v1/users/00ubot/roles")
            .with_body("[]")
            .expect(n)
            .create(),
    ]
}

fn write_config(sb: &Sandbox, profile: &str, org: &str, mode: u32) {
    let path = sb.path("config.toml");
    std::fs::write(&path, format!("[profiles.{profile}]\norg = \"{org}\"\n")).unwrap();
    set_mode(&path, mode);
}

fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn run(cmd: &mut assert_cmd::Command) -> (Output, String, String) {
    let out = cmd.output().unwrap();
    let (stdout, stderr) = text(&out);
    (out, stdout, stderr)
}

#[test]
fn a_config_edited_after_login_sends_the_token_nowhere() {
    let mut org = Server::new();
    let mut other = Server::new();
    let me = org
        .mock("GET", "/api/v1/users/me")
        .match_header("authorization", format!("SSWS {TOKEN}").as_str())
        .with_body(user("00ubot", "bot@acme.com", "ACTIVE").to_string())
        .expect(1)
        .create();
    let leak = untouched(&mut other);
    let sb = Sandbox::new();
    let profile = format!("oktactl-safety-{}", std::process::id());
    // A symlink planted where the config's temporary file used to be made.
    let victim = sb.path("victim");
    std::fs::write(&victim, "untouched").unwrap();
    std::os::unix::fs::symlink(&victim, sb.path("config.toml.tmp")).unwrap();

    let (out, _, stderr) = run(sb
        .keyring_cmd(&profile)
        .args(["auth", "login", "--org", &org.url(), "--with-token"])
        .write_stdin(format!("{TOKEN}\n")));
    if no_keyring(&out, &stderr) {
        return;
    }
    assert!(out.status.success(), "login: {stderr}");
    me.assert();

    // The config was written through a new file: the symlink is left alone.
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    let planted = std::fs::symlink_metadata(sb.path("config.toml.tmp")).unwrap();
    assert!(planted.file_type().is_symlink());
    let config = std::fs::symlink_metadata(sb.path("config.toml")).unwrap();
    assert!(config.file_type().is_file());
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&config.permissions()) & 0o777,
        0o600
    );

    // The keyring entry records the org with the token.
    let stored = keyring::Entry::new("oktactl", &profile)
        .unwrap()
        .get_password()
        .unwrap();
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored["org"], org.url());
    assert_eq!(stored["type"], "api_token");

    // Someone edits the config's org: the token goes nowhere.
    let path = sb.path("config.toml");
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace(&org.url(), &other.url());
    assert!(edited.contains(&other.url()), "{edited}");
    std::fs::write(&path, edited).unwrap();
    for args in [
        &["whoami"][..],
        &["auth", "status"],
        &["user", "show", "x@acme.com"],
    ] {
        let (out, stdout, stderr) = run(sb.keyring_cmd(&profile).args(args));
        assert_eq!(out.status.code(), Some(4), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("was stored for {}", org.url())),
            "{stderr}"
        );
        assert!(stderr.contains("changed after login"), "{stderr}");
        assert!(
            stderr.contains(&format!("oktactl auth login --org {}", other.url())),
            "{stderr}"
        );
        assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
    }
    // `--org` naming the other server: the same.
    let (out, _, stderr) = run(sb
        .keyring_cmd(&profile)
        .args(["whoami", "--org", &other.url()]));
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    leak.assert();

    let (out, _, stderr) = run(sb.keyring_cmd(&profile).args(["auth", "logout"]));
    assert!(out.status.success(), "logout: {stderr}");
}

/// Write an entry as oktactl before 2026-12 did: the token alone. `false`
/// when no keyring answers here (and none is required).
fn store_old_entry(profile: &str) -> bool {
    let required = std::env::var_os("OKTACTL_REQUIRE_KEYRING").is_some_and(|v| v == "1");
    let set = keyring::Entry::new("oktactl", profile).and_then(|e| e.set_password(TOKEN));
    match set {
        Ok(()) => true,
        Err(e) => {
            assert!(!required, "OKTACTL_REQUIRE_KEYRING=1 but no keyring: {e}");
            eprintln!("skipped: no OS keyring answers here ({e})");
            false
        }
    }
}

#[test]
fn an_old_entry_without_an_org_falls_back_to_the_config_and_says_to_log_in_again() {
    let mut org = Server::new();
    let mut other = Server::new();
    let mocks = whoami_mocks(&mut org, 1);
    let leak = untouched(&mut other);
    let sb = Sandbox::new();
    let profile = format!("oktactl-old-{}", std::process::id());
    if !store_old_entry(&profile) {
        return;
    }
    write_config(&sb, &profile, &org.url(), 0o600);

    let (out, stdout, stderr) = run(sb.keyring_cmd(&profile).args(["whoami"]));
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("bot@acme.com"));
    assert!(stderr.contains("does not record its org"), "{stderr}");
    assert!(
        stderr.contains(&format!("oktactl auth login --org {}", org.url())),
        "{stderr}"
    );

    let (out, _, stderr) = run(sb
        .keyring_cmd(&profile)
        .args(["whoami", "--org", &other.url()]));
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("log in again"), "{stderr}");
    leak.assert();
    for m in &mocks {
        m.assert();
    }
    let _ = keyring::Entry::new("oktactl", &profile).and_then(|e| e.delete_credential());
}

#[test]
fn a_config_others_can_write_is_refused_before_any_request() {
    let mut org = Server::new();
    let leak = untouched(&mut org);
    for mode in [0o666, 0o620, 0o602] {
        let sb = Sandbox::new();
        write_config(&sb, "default", &org.url(), mode);
        let (out, stdout, stderr) = run(sb.bare().env("OKTA_API_TOKEN", TOKEN).arg("whoami"));
        assert_eq!(out.status.code(), Some(2), "{mode:o}: {stderr}");
        assert!(stderr.contains("is writable by"), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "hint: chmod 600 {}",
                sb.path("config.toml").display()
            )),
            "{stderr}"
        );
        assert!(stdout.is_empty());
    }
    leak.assert();
    // 0600 and 0644 are fine.
    let mocks = whoami_mocks(&mut org, 2);
    for mode in [0o600, 0o644] {
        let sb = Sandbox::new();
        write_config(&sb, "default", &org.url(), mode);
        let (out, _, stderr) = run(sb.bare().env("OKTA_API_TOKEN", TOKEN).arg("whoami"));
        assert!(out.status.success(), "{mode:o}: {stderr}");
    }
    for m in &mocks {
        m.assert();
    }
}

#[test]
fn login_with_a_config_others_can_write_stores_nothing() {
    let mut org = Server::new();
    let me = whoami_mocks(&mut org, 1).remove(0);
    let sb = Sandbox::new();
    let profile = format!("oktactl-open-{}", std::process::id());
    write_config(&sb, &profile, &org.url(), 0o666);
    let (out, _, stderr) = run(sb
        .keyring_cmd(&profile)
        .args(["auth", "login", "--org", &org.url(), "--with-token"])
        .write_stdin(format!("{TOKEN}\n")));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("chmod 600"), "{stderr}");
    me.assert();
    // Nothing reached the keyring (where there is one to ask).
    let stored = keyring::Entry::new("oktactl", &profile).and_then(|e| e.get_password());
    assert!(stored.is_err(), "a keyring entry was stored");
}

#[test]
fn a_config_over_1_mib_is_refused() {
    let mut org = Server::new();
    let leak = untouched(&mut org);
    let sb = Sandbox::new();
    let mut text = format!("[profiles.default]\norg = \"{}\"\n", org.url());
    text.push_str(&"#".repeat(1 << 20));
    std::fs::write(sb.path("config.toml"), text).unwrap();
    let (out, _, stderr) = run(sb.bare().env("OKTA_API_TOKEN", TOKEN).arg("whoami"));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("larger than 1 MiB"), "{stderr}");
    leak.assert();
}

#[test]
fn an_org_url_with_a_fragment_is_refused_not_shortened() {
    let mut org = Server::new();
    let leak = untouched(&mut org);
    let sb = Sandbox::new();
    let bad = format!("{}#.okta.com", org.url());
    let (out, _, stderr) = run(sb.cmd(&bad).arg("whoami"));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("fragment"), "{stderr}");
    let (out, _, stderr) = run(sb.bare().env("OKTA_API_TOKEN", TOKEN).args([
        "whoami",
        "--org",
        "https://evil.com#.okta.com",
    ]));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("leave the host evil.com"), "{stderr}");
    // The same URL in the config file.
    write_config(&sb, "default", &bad, 0o600);
    let (out, _, stderr) = run(sb.bare().env("OKTA_API_TOKEN", TOKEN).arg("whoami"));
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("fragment"), "{stderr}");
    leak.assert();
}

/// The binary sets its core-file limit to 0 at start, although it was
/// started with a larger one: read from /proc while it waits for a token.
#[cfg(target_os = "linux")]
#[test]
fn the_running_binary_has_core_dumps_off() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let sb = Sandbox::new();
    let bin = assert_cmd::cargo::cargo_bin("oktactl");
    // Give it a core limit above 0 (the hard limit allowing), then exec it.
    let mut child = Command::new("sh")
        .args([
            "-c",
            "ulimit -S -c 4096 2>/dev/null; exec \"$0\" auth login --org http://127.0.0.1:9 --with-token",
        ])
        .arg(&bin)
        .env_clear()
        .envs(sb.env())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let core_line = || {
        std::fs::read_to_string(&limits)
            .unwrap_or_default()
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .map(|l| {
                l.split_whitespace()
                    .skip(4)
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = core_line();
    while seen != "0 0" && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        seen = core_line();
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        seen, "0 0",
        "soft and hard core limits of the running binary"
    );
}
