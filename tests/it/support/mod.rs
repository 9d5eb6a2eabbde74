//! Shared set-up for the integration tests: a hermetic environment (no
//! inherited variables, temp config/state dirs), Okta-shaped JSON, and the
//! mock org (`org::Org`) the tests mount their answers on.

pub mod fake;
pub mod oauth;
pub mod org;

use std::process::Output;
use std::time::{SystemTime, UNIX_EPOCH};

use assert_cmd::Command;
use serde_json::{json, Value};
use tempfile::TempDir;

pub const TOKEN: &str = "00TESTtoken-SECRET-abc123";

/// A temp home for one test: config, audit log and XDG dirs live in it.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }

    /// `oktactl` with a cleared environment pointed at `org`, token in env.
    pub fn cmd(&self, org: &str) -> Command {
        let mut c = self.bare();
        c.env("OKTA_ORG_URL", org).env("OKTA_API_TOKEN", TOKEN);
        c
    }

    /// `oktactl` with a cleared environment and no org or token.
    pub fn bare(&self) -> Command {
        let mut c = Command::cargo_bin("oktactl").unwrap();
        c.env_clear()
            .envs(self.env())
            .timeout(std::time::Duration::from_secs(60));
        c
    }

    /// The whole environment of `bare()`: home, XDG dirs, config, audit log.
    pub fn env(&self) -> Vec<(&'static str, std::path::PathBuf)> {
        let home = self.dir.path();
        vec![
            ("HOME", home.to_path_buf()),
            ("XDG_CONFIG_HOME", home.join("config")),
            ("XDG_DATA_HOME", home.join("data")),
            ("XDG_STATE_HOME", home.join("state")),
            ("OKTACTL_CONFIG", home.join("config.toml")),
            ("OKTACTL_AUDIT_LOG", home.join("audit.log")),
        ]
    }

    /// Run `oktactl args` against `org`: the output and its stdout/stderr.
    pub fn run(&self, org: &str, args: &[&str]) -> (Output, String, String) {
        let out = self.cmd(org).args(args).output().unwrap();
        let (stdout, stderr) = text(&out);
        (out, stdout, stderr)
    }

    /// `bare()` on `profile`, with the session-bus variables the OS keyring needs.
    pub fn keyring_cmd(&self, profile: &str) -> Command {
        let mut c = self.bare();
        for var in ["DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR"] {
            if let Some(v) = std::env::var_os(var) {
                c.env(var, v);
            }
        }
        c.env("OKTACTL_PROFILE", profile);
        c
    }

    /// The audit log's lines, parsed; none when there is no log.
    pub fn audit_lines(&self) -> Vec<Value> {
        std::fs::read_to_string(self.path("audit.log"))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// One object per change: its intent line merged with its outcome line
    /// (same `change_id`). Fails the test when an intent has no outcome,
    /// an outcome has no intent, or a line is neither.
    pub fn audit_changes(&self) -> Vec<Value> {
        let lines = self.audit_lines();
        let mut changes: Vec<Value> = Vec::new();
        for line in &lines {
            let id = line["change_id"].as_str().expect("a change_id").to_string();
            match line["phase"].as_str() {
                Some("intent") => {
                    assert!(line["call"].is_string(), "intent without call: {line}");
                    changes.push(line.clone());
                }
                Some("outcome") => {
                    let change = changes
                        .iter_mut()
                        .find(|c| c["change_id"] == id.as_str() && c["outcome"].is_null())
                        .unwrap_or_else(|| panic!("outcome without intent: {line}"));
                    for (k, v) in line.as_object().unwrap() {
                        if !v.is_null() {
                            change[k] = v.clone();
                        }
                    }
                }
                _ => panic!("an audit line of no phase: {line}"),
            }
        }
        for c in &changes {
            assert!(c["outcome"].is_string(), "intent without outcome: {c}");
        }
        changes
    }
}

/// Whether a login failed only because no OS keyring answers here: then the
/// test skips, unless OKTACTL_REQUIRE_KEYRING=1 (set by .ci/run) makes that a
/// failure.
pub fn no_keyring(out: &Output, stderr: &str) -> bool {
    let required = std::env::var_os("OKTACTL_REQUIRE_KEYRING").is_some_and(|v| v == "1");
    if out.status.success() || !stderr.contains("no OS keyring is available") {
        return false;
    }
    assert!(
        !required,
        "OKTACTL_REQUIRE_KEYRING=1 but no keyring: {stderr}"
    );
    eprintln!("skipped: no OS keyring answers here ({})", stderr.trim());
    true
}

/// An Okta User object.
pub fn user(id: &str, login: &str, status: &str) -> Value {
    json!({
        "id": id,
        "status": status,
        "created": "2024-01-02T03:04:05.000Z",
        "activated": "2024-01-02T03:04:05.000Z",
        "statusChanged": "2024-01-02T03:04:05.000Z",
        "lastLogin": "2026-11-20T08:00:00.000Z",
        "lastUpdated": "2026-11-20T08:00:00.000Z",
        "passwordChanged": "2026-10-01T00:00:00.000Z",
        "type": {"id": "oty1"},
        "profile": {
            "login": login,
            "email": login,
            "firstName": "Jane",
            "lastName": "Doe",
            "title": "Engineer",
            "department": "R&D",
            "manager": "Max Boss"
        },
        "credentials": {"provider": {"type": "OKTA", "name": "OKTA"}},
        "_links": {"self": {"href": format!("https://example.okta.com/api/v1/users/{id}")}}
    })
}

/// An Okta error body.
pub fn okta_error(code: &str, summary: &str) -> String {
    json!({
        "errorCode": code,
        "errorSummary": summary,
        "errorLink": code,
        "errorId": "oaeTEST",
        "errorCauses": []
    })
    .to_string()
}

/// The stdout/stderr of a finished command as text.
pub fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An Okta Group object.
pub fn group(id: &str, name: &str, kind: &str) -> Value {
    json!({"id": id, "type": kind, "profile": {"name": name, "description": null},
           "_links": {"users": {"href": format!("https://x/api/v1/groups/{id}/users")}}})
}

/// The stdout of a finished command parsed as JSON; failing with both
/// streams when the command died or printed something else.
pub fn json_out(out: &Output) -> Value {
    let (stdout, stderr) = text(out);
    assert!(out.status.code().is_some(), "{stderr}");
    let v = serde_json::from_str(&stdout);
    assert!(v.is_ok(), "{stdout}\n{stderr}");
    v.unwrap()
}

/// Seconds since the Unix epoch, as Okta's rate-limit reset headers count.
pub fn epoch() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}
